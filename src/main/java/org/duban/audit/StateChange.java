package org.duban.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An audit event's before/after, made readable: when the states are JSON objects (report snapshots, unit and user
 * states) only the fields that differ are listed, one per line as {@code field: before → after}; plain states (a
 * status name) become one line {@code before → after}.
 */
public final class StateChange {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTHING = "—";

    /** One changed field; {@code field} is null for a plain (non-JSON) state. */
    public record Line(String field, String before, String after) {

        @Override
        public String toString() {
            String change = before + " → " + after;
            return field == null ? change : field + ": " + change;
        }
    }

    private StateChange() {
    }

    public static List<Line> lines(String before, String after) {
        if (before == null && after == null) {
            return List.of();
        }
        JsonNode b = object(before);
        JsonNode a = object(after);
        if ((before == null || b != null) && (after == null || a != null)) {
            return fieldLines(b, a);
        }
        if (Objects.equals(before, after)) {
            return List.of();
        }
        return List.of(new Line(null, orNothing(before), orNothing(after)));
    }

    /** All lines joined with line breaks; empty when nothing changed. */
    public static String text(String before, String after) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines(before, after)) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line);
        }
        return text.toString();
    }

    private static List<Line> fieldLines(JsonNode before, JsonNode after) {
        Set<String> fields = new LinkedHashSet<>();
        addFields(before, fields);
        addFields(after, fields);
        List<Line> lines = new ArrayList<>();
        for (String field : fields) {
            JsonNode b = before == null ? null : before.get(field);
            JsonNode a = after == null ? null : after.get(field);
            if (!Objects.equals(b, a)) {
                lines.add(new Line(field, value(b), value(a)));
            }
        }
        return lines;
    }

    private static void addFields(JsonNode node, Set<String> fields) {
        if (node != null) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                fields.add(names.next());
            }
        }
    }

    private static String value(JsonNode node) {
        if (node == null || node.isNull()) {
            return NOTHING;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static JsonNode object(String text) {
        if (text == null || !text.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String orNothing(String text) {
        return text == null || text.isEmpty() ? NOTHING : text;
    }
}
