package org.duban.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small plan of its own for the dashboard and assessment tests, written straight into the tables (the shared test
 * database holds the seed plan and other tests' data; these rows touch none of it). Every call makes a new plan with
 * new units, so test classes never see each other's figures. Clock for the expectations: 2023-07-10, after both due
 * dates.
 * <pre>
 * units: LEAD (city department, primary lead of both tasks), CTYA and CTYB (counties)
 * section 1, task 1: indicator 1-1 AT_LEAST 100 家; units LEAD, CTYA, CTYB
 * section 2, task 2: indicator 2-1 AT_MOST 50 万吨; unit CTYA
 * Q1 (due 2023-03-25): T1-LEAD on time; T1-CTYA on time, 1-1 = 30; T1-CTYB late (03-30), returned twice
 * Q2 (due 2023-06-25): T1-LEAD on time on the due day, 1-1 = 150; T1-CTYA on time (06-20), returned once, 1-1 = 80;
 *                      T2-CTYA late (06-28), 2-1 = 40; T1-CTYB never submitted, 催办 then 督办 to leader and office
 * section 2, task 3: WITHDRAWN by a re-import, indicator 3-1; its Q2 report for CTYB never submitted (counts nowhere)
 * </pre>
 */
public final class AnalyticsFixture {

    public static final LocalDate TODAY = LocalDate.of(2023, 7, 10);
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final ZoneId zone = ZoneId.systemDefault();
    private long nextId;
    private long lastId;

    public final String suffix;
    public final long planId;
    public final long leadId;
    public final long ctyaId;
    public final long ctybId;
    public final long q1;
    public final long q2;
    public final long section1;
    public final long indicator11;
    public final long indicator21;
    public final String leadCode;
    public final String ctyaCode;
    public final String ctybCode;

    public AnalyticsFixture(JdbcTemplate jdbc, String tag) {
        this.jdbc = jdbc;
        this.suffix = tag + SERIAL.incrementAndGet() + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
        leadCode = "L" + suffix;
        ctyaCode = "A" + suffix;
        ctybCode = "B" + suffix;
        leadId = unit(leadCode, "考核牵头局" + suffix, "CITY_DEPT", 9001);
        ctyaId = unit(ctyaCode, "甲县" + suffix, "COUNTY", 9002);
        ctybId = unit(ctybCode, "乙县" + suffix, "COUNTY", 9003);
        planId = id();
        jdbc.update("insert into plan (id, document_number, plan_year, title, source_name, source_sha256, "
                + "report_frequency, report_due_day, imported_at, imported_by, version) values (?, ?, 2023, ?, "
                + "'fixture.txt', ?, 'QUARTERLY', 25, ?, 'test', 0)", planId, "考核测试〔2023〕" + suffix + "号",
                "考核测试计划" + suffix, "0".repeat(64), at(LocalDate.of(2023, 1, 5)));
        section1 = section(1, "一", "稳增长");
        long section2 = section(2, "二", "惠民生");
        long task1 = task(section1, 1, "推进企业培育");
        long task2 = task(section2, 2, "控制用水总量");
        assign(task1, leadId, "PRIMARY_LEAD", 1);
        assign(task1, ctyaId, "PARTICIPANT", 2);
        assign(task1, ctybId, "PARTICIPANT", 3);
        assign(task2, leadId, "PRIMARY_LEAD", 1);
        assign(task2, ctyaId, "PARTICIPANT", 2);
        indicator11 = indicator(task1, 1, "新增企业100家", "100", "家", "AT_LEAST");
        indicator21 = indicator(task2, 1, "用水总量控制在50万吨以内", "50", "万吨", "AT_MOST");
        q1 = cycle("2023Q1", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 31), LocalDate.of(2023, 3, 25));
        q2 = cycle("2023Q2", LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30), LocalDate.of(2023, 6, 25));

        report(task1, leadId, q1, "APPROVED", LocalDate.of(2023, 3, 20), 0, "NONE");
        long q1a = report(task1, ctyaId, q1, "APPROVED", LocalDate.of(2023, 3, 20), 0, "NONE");
        actual(q1a, indicator11, "30");
        report(task1, ctybId, q1, "APPROVED", LocalDate.of(2023, 3, 30), 2, "NONE");

        long q2lead = report(task1, leadId, q2, "APPROVED", LocalDate.of(2023, 6, 25), 0, "NONE");
        actual(q2lead, indicator11, "150");
        long q2a1 = report(task1, ctyaId, q2, "APPROVED", LocalDate.of(2023, 6, 20), 1, "NONE");
        actual(q2a1, indicator11, "80");
        long q2a2 = report(task2, ctyaId, q2, "AWAITING_REVIEW", LocalDate.of(2023, 6, 28), 0, "NONE");
        actual(q2a2, indicator21, "40");
        long q2b = report(task1, ctybId, q2, "NOT_STARTED", null, 0, "ESCALATE_OFFICE");
        escalation(task1, q2b, ctybId, "URGE", LocalDate.of(2023, 6, 25));
        escalation(task1, q2b, ctybId, "ESCALATE_LEADER", LocalDate.of(2023, 6, 27));
        escalation(task1, q2b, ctybId, "ESCALATE_OFFICE", LocalDate.of(2023, 6, 30));

        // withdrawn by a re-import of the plan: its report nobody submitted and its indicator count nowhere
        long task3 = task(section2, 3, "已撤销的任务");
        jdbc.update("update key_task set status = 'WITHDRAWN' where id = ?", task3);
        assign(task3, leadId, "PRIMARY_LEAD", 1);
        assign(task3, ctybId, "PARTICIPANT", 2);
        indicator(task3, 1, "撤销的指标10个", "10", "个", "AT_LEAST");
        report(task3, ctybId, q2, "NOT_STARTED", null, 0, "NONE");
    }

    /** Ids from the shared sequence: each value V fetched here reserves V-49..V, which Hibernate never hands out. */
    private long id() {
        if (nextId == 0 || nextId > lastId) {
            lastId = jdbc.queryForObject("select next value for duban_seq", Long.class);
            nextId = lastId - 49;
        }
        return nextId++;
    }

    private OffsetDateTime at(LocalDate day) {
        return day.atTime(12, 0).atZone(zone).toOffsetDateTime();
    }

    private long unit(String code, String name, String type, int sortOrder) {
        long id = id();
        jdbc.update("insert into org_unit (id, code, name, unit_type, registered, active, leader_signoff, sort_order, "
                + "version) values (?, ?, ?, ?, true, true, false, ?, 0)", id, code, name, type, sortOrder);
        return id;
    }

    private long section(int number, String label, String title) {
        long id = id();
        jdbc.update("insert into plan_section (id, plan_id, section_no, label, title) values (?, ?, ?, ?, ?)", id,
                planId, number, label, title);
        return id;
    }

    private long task(long sectionId, int number, String title) {
        long id = id();
        jdbc.update("insert into key_task (id, plan_id, section_id, task_no, code, title, body, status, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 0)", id, planId, sectionId, number, "2023-T" + number, title,
                title + "。");
        return id;
    }

    private void assign(long taskId, long unitId, String role, int seq) {
        jdbc.update("insert into task_assignment (id, task_id, unit_id, role_name, seq_no) values (?, ?, ?, ?, ?)",
                id(), taskId, unitId, role, seq);
    }

    private long indicator(long taskId, int seq, String phrase, String target, String unit, String comparator) {
        long id = id();
        jdbc.update("insert into indicator (id, task_id, seq_no, phrase, target_value, measure_unit, comparator) "
                + "values (?, ?, ?, ?, ?, ?, ?)", id, taskId, seq, phrase, new BigDecimal(target), unit, comparator);
        return id;
    }

    private long cycle(String code, LocalDate start, LocalDate end, LocalDate due) {
        long id = id();
        jdbc.update("insert into reporting_cycle (id, plan_id, period_code, period_start, period_end, opens_on, due_on, "
                + "final_cycle, status, opened_at, opened_by, version) values (?, ?, ?, ?, ?, ?, ?, false, 'OPEN', ?, "
                + "'test', 0)", id, planId, code, start, end, start, due, at(start));
        return id;
    }

    private long report(long taskId, long unitId, long cycleId, String status, LocalDate firstSubmitted,
            int returns, String escalationLevel) {
        long id = id();
        LocalDate due = cycleId == q1 ? LocalDate.of(2023, 3, 25) : LocalDate.of(2023, 6, 25);
        int revision = firstSubmitted == null ? 0 : returns + 1;
        jdbc.update("insert into progress_report (id, task_id, unit_id, cycle_id, reviewer_unit_id, business_key, "
                + "status, needs_coordination, return_count, revision, due_on, submitted_at, submitted_by, "
                + "approved_at, escalation_level, version) values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, 0)",
                id, taskId, unitId, cycleId, leadId, "FIX-" + suffix + "-" + id, status, returns, revision, due,
                firstSubmitted == null ? null : at(firstSubmitted.plusDays(returns)),
                firstSubmitted == null ? null : "clerk", "APPROVED".equals(status) ? at(firstSubmitted.plusDays(
                        returns + 1)) : null, escalationLevel);
        for (int r = 1; r <= revision; r++) {
            jdbc.update("insert into report_snapshot (id, report_id, revision, content, submitted_at, submitted_by) "
                    + "values (?, ?, ?, '{}', ?, 'clerk')", id(), id, r, at(firstSubmitted.plusDays(r - 1)));
        }
        return id;
    }

    private void actual(long reportId, long indicatorId, String value) {
        jdbc.update("insert into report_indicator_actual (id, report_id, indicator_id, actual_value) values (?, ?, ?, ?)",
                id(), reportId, indicatorId, new BigDecimal(value));
    }

    private void escalation(long taskId, long reportId, long unitId, String level, LocalDate on) {
        jdbc.update("insert into escalation (id, task_id, report_id, unit_id, stage, esc_level, reason, recipients, "
                + "actor, occurred_at) values (?, ?, ?, ?, 'FILL', ?, '逾期未报送', 'test', 'timer', ?)", id(), taskId,
                reportId, unitId, level, at(on));
    }
}
