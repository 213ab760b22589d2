package org.duban.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Before/after states for the audit trail as small JSON objects; never holds a password or its hash. */
final class AuditStates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditStates() {
    }

    static String json(Map<String, ?> state) {
        if (state == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state not serialisable: " + state, e);
        }
    }
}
