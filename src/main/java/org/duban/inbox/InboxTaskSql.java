package org.duban.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;

/**
 * The inbox's task selection as SQL for the engine's native task query. The engine's own {@code TaskQuery} for
 * "assigned to me or a candidate of my groups" joins the identity links and must {@code select distinct} and
 * {@code count(distinct)} every matching task before it can return a page (0.13-0.26 s for count and page at 100,000
 * open tasks on PostgreSQL, docs/benchmarks.md). Here the user's own tasks and the unit's unclaimed ones are separate
 * branches with an {@code EXISTS} on the candidate links, so the database can stop after one page and a count can stop
 * at a limit. Portable SQL only (H2, PostgreSQL, Oracle 12c+): {@code FETCH FIRST} is SQL:2008, and the engine adds
 * each database's paging around {@link #page}.
 *
 * <p>Parameters are bound, never spliced: {@code #{p0}}, {@code #{p1}}, … as MyBatis names them.
 */
final class InboxTaskSql {

    /** Oracle refuses more than 1,000 expressions in one IN list. */
    private static final int IN_LIST_LIMIT = 1_000;

    private final String tasks;
    private final String links;
    private final String executions;
    /** What the filter asks of a task, beside whose it is. */
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private String assignee;
    private List<String> groups = List.of();

    InboxTaskSql(ManagementService management) {
        this.tasks = management.getTableName(TaskEntity.class);
        this.links = management.getTableName(IdentityLinkEntity.class);
        this.executions = management.getTableName(ExecutionEntity.class);
        conditions.add("RES.SUSPENSION_STATE_ = 1");
    }

    /** Tasks assigned to the user, or unassigned with one of the groups as candidate (either may be absent). */
    InboxTaskSql assignedOrCandidate(String assignee, Collection<String> groups) {
        this.assignee = assignee;
        this.groups = List.copyOf(groups);
        return this;
    }

    InboxTaskSql dueAfter(java.util.Date exclusive) {
        conditions.add("RES.DUE_DATE_ > " + bind(exclusive));
        return this;
    }

    InboxTaskSql dueBefore(java.util.Date exclusive) {
        conditions.add("RES.DUE_DATE_ < " + bind(exclusive));
        return this;
    }

    /** The task's process instance has this business key ({@code like} when it holds {@code %}). */
    InboxTaskSql businessKey(String keyOrPattern) {
        conditions.add(businessKeyCondition(List.of(keyOrPattern)));
        return this;
    }

    /** The task's process instance's business key is one of these (patterns with {@code %} allowed). */
    InboxTaskSql businessKeyAnyOf(List<String> keysOrPatterns) {
        conditions.add(businessKeyCondition(keysOrPatterns));
        return this;
    }

    InboxTaskSql processInstanceIn(Collection<String> ids) {
        conditions.add(processInstanceCondition(ids));
        return this;
    }

    /** In one of these process instances, or in one whose business key is one of these: a section's reports. */
    InboxTaskSql processInstanceInOrBusinessKeyIn(Collection<String> ids, List<String> keys) {
        List<String> either = new ArrayList<>();
        if (!ids.isEmpty()) {
            either.add(processInstanceCondition(ids));
        }
        if (!keys.isEmpty()) {
            either.add(businessKeyCondition(keys));
        }
        conditions.add(either.isEmpty() ? "1 = 0" : "(" + String.join(" or ", either) + ")");
        return this;
    }

    /**
     * One page of tasks in the given order. The user's own tasks and the unit's unclaimed ones are two branches, each
     * sorted and cut at {@code offset + limit}, merged and cut again by the engine's paging: without the OR between
     * them the database can plan each branch on its own, so for a unit that owns most open tasks it walks the
     * DUBAN_IDX_TASK_DUE index (EngineIndexes) checking each task's links, and for a small unit it starts from the
     * unit's links. With the OR, PostgreSQL hashed every link of the unit for every page (docs/benchmarks.md).
     */
    List<Task> page(TaskService taskService, InboxSort sort, int offset, int limit) {
        String direction = sort.ascending() ? " asc" : " desc";
        String order = switch (sort.field()) {
            case CREATED -> "CREATE_TIME_" + direction;
            case NAME -> "NAME_" + direction + ", %1$sCREATE_TIME_ desc";
            default -> "DUE_DATE_" + direction + ", %1$sCREATE_TIME_ desc";
        } + ", %1$sID_ asc";
        String branchOrder = " order by RES." + order.formatted("RES.") + fetchFirst((long) offset + limit);
        List<String> branches = new ArrayList<>();
        if (assignee != null) {
            branches.add("select RES.* from " + tasks + " RES where " + common() + " and RES.ASSIGNEE_ = "
                    + bind(assignee) + branchOrder);
        }
        if (!groups.isEmpty()) {
            branches.add("select RES.* from " + tasks + " RES where " + common() + " and RES.ASSIGNEE_ is null and "
                    + candidateOf("RES.ID_") + branchOrder);
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        List<String> derived = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            derived.add("select * from (" + branches.get(i) + ") B" + i);
        }
        return bound(taskService.createNativeTaskQuery().sql("select RES.* from (" + String.join(" union all ", derived)
                + ") RES order by RES." + order.formatted("RES."))).listPage(offset, limit);
    }

    /** How many tasks match: the user's own plus the unit's unclaimed ones (see {@link #countUpTo}). */
    long count(TaskService taskService) {
        return count(taskService, null);
    }

    /**
     * How many tasks match, counting no further than {@code limit}: a large inbox says "more than" cheaply. The
     * user's own tasks are counted through the assignee index, the unit's through the candidate links of its groups
     * (each checked against the filter by primary key), so the cost is bounded by the limit and by the user's own
     * tasks, never by all the tasks in the database; a task-driven count either scans every open task or, when the
     * groups own most of them, hashes all their links first (docs/benchmarks.md).
     */
    long countUpTo(TaskService taskService, int limit) {
        return count(taskService, (long) limit);
    }

    private long count(TaskService taskService, Long limit) {
        long mine = 0;
        if (assignee != null) {
            mine = bound(taskService.createNativeTaskQuery().sql("select count(*) from (select RES.ID_ from " + tasks
                    + " RES where " + common() + " and RES.ASSIGNEE_ = " + bind(assignee)
                    + (limit == null ? "" : fetchFirst(limit)) + ") LIMITED")).count();
        }
        if (groups.isEmpty() || limit != null && mine >= limit) {
            return mine;
        }
        // a task offered to two of the user's groups counts once
        String linked = groups.size() > 1 ? "select distinct I.TASK_ID_" : "select I.TASK_ID_";
        long unclaimed = bound(taskService.createNativeTaskQuery().sql("select count(*) from (" + linked + " from "
                + links + " I where I.TYPE_ = 'candidate' and I.GROUP_ID_ in (" + bindAll(groups) + ") and exists"
                + " (select 1 from " + tasks + " RES where RES.ID_ = I.TASK_ID_ and RES.ASSIGNEE_ is null and "
                + common() + ")" + (limit == null ? "" : fetchFirst(limit - mine)) + ") LIMITED")).count();
        return mine + unclaimed;
    }

    /** The task (column expression) is offered to one of the user's groups. */
    private String candidateOf(String taskId) {
        return "exists (select 1 from " + links + " I where I.TASK_ID_ = " + taskId + " and I.TYPE_ = 'candidate'"
                + " and I.GROUP_ID_ in (" + bindAll(groups) + "))";
    }

    private static String fetchFirst(long rows) {
        return " fetch first " + Math.max(0, rows) + " rows only";
    }

    private NativeTaskQuery bound(NativeTaskQuery query) {
        parameters.forEach(query::parameter);
        return query;
    }

    /** The filter alone. */
    private String common() {
        return String.join(" and ", conditions);
    }

    private String businessKeyCondition(List<String> keysOrPatterns) {
        List<String> tests = new ArrayList<>();
        for (String key : keysOrPatterns) {
            tests.add("E.BUSINESS_KEY_ " + (key.contains("%") ? "like " : "= ") + bind(key));
        }
        return "exists (select 1 from " + executions + " E where E.ID_ = RES.PROC_INST_ID_ and ("
                + String.join(" or ", tests) + "))";
    }

    private String processInstanceCondition(Collection<String> ids) {
        if (ids.isEmpty()) {
            return "1 = 0";
        }
        List<String> all = new ArrayList<>(ids);
        List<String> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST_LIMIT) {
            chunks.add("RES.PROC_INST_ID_ in (" + bindAll(all.subList(from, Math.min(all.size(),
                    from + IN_LIST_LIMIT))) + ")");
        }
        return chunks.size() == 1 ? chunks.get(0) : "(" + String.join(" or ", chunks) + ")";
    }

    private String bindAll(Collection<?> values) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(bind(v)));
        return String.join(", ", names);
    }

    private String bind(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return "#{" + name + "}";
    }
}
