package org.duban.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail for the supervision office and admins, filtered, newest first, one page at a time (the trail
 * only grows, so nothing here ever loads it whole). Anyone else is refused.
 */
@Service
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
@Transactional(readOnly = true)
public class AuditQueryService {

    /** Longest page a caller may ask for. */
    public static final int MAX_PAGE = 500;

    private final EntityManager em;

    public AuditQueryService(EntityManager em) {
        this.em = em;
    }

    /** A unit to filter by. */
    public record UnitOption(String code, String name) {
    }

    public long count(AuditFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(e) from AuditEvent e" + where(filter, params),
                Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    public List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset " + offset + ", limit " + limit + " (1.." + MAX_PAGE + ")");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        TypedQuery<AuditEvent> query = em.createQuery("select e from AuditEvent e" + where(filter, params)
                + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * Every matching event, newest first, handed over {@code chunk} at a time (for the export). Continues after the
     * last row seen rather than by offset, so it stays fast deep into the trail and new events do not shift it.
     */
    public void forEachChunk(AuditFilter filter, int chunk, Consumer<List<AuditEvent>> sink) {
        int size = Math.min(Math.max(chunk, 1), MAX_PAGE);
        AuditEvent last = null;
        while (true) {
            Map<String, Object> params = new LinkedHashMap<>();
            String where = where(filter, params);
            if (last != null) {
                where += (where.isEmpty() ? " where " : " and ")
                        + "(e.occurredAt < :lastAt or (e.occurredAt = :lastAt and e.id < :lastId))";
                params.put("lastAt", last.getOccurredAt());
                params.put("lastId", last.getId());
            }
            TypedQuery<AuditEvent> query = em.createQuery("select e from AuditEvent e" + where
                    + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
            params.forEach(query::setParameter);
            List<AuditEvent> rows = query.setMaxResults(size).getResultList();
            if (rows.isEmpty()) {
                return;
            }
            sink.accept(rows);
            em.clear();
            if (rows.size() < size) {
                return;
            }
            last = rows.get(rows.size() - 1);
        }
    }

    /** The kinds of action the trail holds so far, for the filter. */
    public List<String> actions() {
        return em.createQuery("select distinct e.action from AuditEvent e order by e.action", String.class)
                .getResultList();
    }

    public List<UnitOption> units() {
        List<UnitOption> units = new ArrayList<>();
        for (Object[] row : em.createQuery("select u.code, u.name from Unit u order by u.sortOrder, u.code",
                Object[].class).getResultList()) {
            units.add(new UnitOption((String) row[0], (String) row[1]));
        }
        return units;
    }

    private static String where(AuditFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (filter.from() != null) {
            clauses.add("e.occurredAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("e.occurredAt < :to");
            params.put("to", filter.to());
        }
        if (filter.actor() != null) {
            clauses.add("lower(e.actor) like :actor escape '\\'");
            params.put("actor", contains(filter.actor()));
        }
        if (filter.action() != null) {
            clauses.add("e.action = :action");
            params.put("action", filter.action());
        }
        if (filter.subjectText() != null) {
            clauses.add("(lower(e.entityId) like :subject escape '\\' or lower(e.summary) like :subject escape '\\')");
            params.put("subject", contains(filter.subjectText()));
        }
        if (filter.unitCode() != null) {
            // users are looked up by name: the trail keeps names, and a user may have moved units since
            clauses.add("(e.actor in (select u.username from AppUser u where u.unit.code = :unit) "
                    + "or e.entityId = :unit or e.entityId like :unitSuffix escape '\\')");
            params.put("unit", filter.unitCode());
            params.put("unitSuffix", "%-" + escapeLike(filter.unitCode()));
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static String contains(String text) {
        return "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
