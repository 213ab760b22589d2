package org.duban.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the audit trail in the caller's transaction, so a change and its record commit or roll back together. */
@Service
public class AuditService {

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditService(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(String actor, String action, String entityType, String entityId, String summary,
            String before, String after) {
        return events.save(new AuditEvent(clock.instant(), actor, action, entityType, entityId, summary, before,
                after));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trailOf(String entityType, String entityId) {
        return events.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(entityType, entityId);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> byAction(String action) {
        return events.findByActionOrderByOccurredAtAscIdAsc(action);
    }
}
