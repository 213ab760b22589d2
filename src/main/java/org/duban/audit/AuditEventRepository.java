package org.duban.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Read and append only: the trail has no update or delete. */
public interface AuditEventRepository extends Repository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(String entityType, String entityId);

    List<AuditEvent> findByActionOrderByOccurredAtAscIdAsc(String action);

    long count();
}
