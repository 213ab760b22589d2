package org.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.support.Actors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail as supervisors and admins read it: every filter, paging newest first, the chunked walk the export
 * uses, the export itself, and the refusal for everyone else. Works on its own events (subjects "AQTEST…").
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditQueryServiceTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    @Autowired AuditService audit;
    @Autowired AuditQueryService query;
    @Autowired AuditExcelExport excel;
    @Autowired TransactionTemplate tx;
    @Autowired UserDetailsService users;

    private Actors actors;
    private static boolean recorded;

    @BeforeEach
    synchronized void threeEventsOnThreeDays() {
        actors = new Actors(users);
        if (recorded) {
            return;
        }
        record(LocalDateTime.of(2031, 3, 1, 9, 0), "aq.one", "AQ_CREATED", "AQTEST-1-CAOXIAN", "第一 =HYPERLINK(\"x\")",
                null, "{\"narrative\":\"<script>alert(1)</script>\",\"percentDone\":20}");
        record(LocalDateTime.of(2031, 3, 2, 9, 0), "caoxian.clerk", "AQ_CHANGED", "AQTEST-2", "第二",
                "{\"narrative\":\"a\",\"percentDone\":20}", "{\"narrative\":\"b\",\"percentDone\":20}");
        record(LocalDateTime.of(2031, 3, 3, 9, 0), "aq.two", "AQ_CREATED", "AQTEST-3-SHANXIAN", "第三",
                "DRAFT", "AWAITING_REVIEW");
        recorded = true;
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    private void record(LocalDateTime at, String actor, String action, String id, String summary, String before,
            String after) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(ZONE).toInstant()));
        tx.executeWithoutResult(s -> audit.record(actor, action, "AqThing", id, summary, before, after));
    }

    private List<String> ids(AuditFilter filter) {
        return actors.as("supervisor", () -> query.page(filter, 0, 50)).stream().map(AuditEvent::getEntityId)
                .toList();
    }

    private static AuditFilter subject(String text) {
        return new AuditFilter(null, null, null, null, null, text);
    }

    @Test
    void filtersNarrowTheTrailAndPagesComeNewestFirst() {
        assertThat(ids(subject("aqtest-"))).containsExactly("AQTEST-3-SHANXIAN", "AQTEST-2", "AQTEST-1-CAOXIAN");
        assertThat(ids(new AuditFilter(null, null, null, null, "AQ_CREATED", "AQTEST")))
                .containsExactly("AQTEST-3-SHANXIAN", "AQTEST-1-CAOXIAN");
        assertThat(ids(new AuditFilter(null, null, "AQ.", null, null, "AQTEST")))
                .containsExactly("AQTEST-3-SHANXIAN", "AQTEST-1-CAOXIAN");
        // the unit: what its users did (caoxian.clerk) and what was done to its reports (key ends -CAOXIAN)
        assertThat(ids(new AuditFilter(null, null, null, "CAOXIAN", null, "AQTEST")))
                .containsExactly("AQTEST-2", "AQTEST-1-CAOXIAN");
        Instant second = LocalDateTime.of(2031, 3, 2, 0, 0).atZone(ZONE).toInstant();
        Instant third = LocalDateTime.of(2031, 3, 3, 0, 0).atZone(ZONE).toInstant();
        assertThat(ids(new AuditFilter(second, third, null, null, null, "AQTEST"))).containsExactly("AQTEST-2");
        assertThat(ids(new AuditFilter(second, null, null, null, null, "AQTEST")))
                .containsExactly("AQTEST-3-SHANXIAN", "AQTEST-2");
        // LIKE wildcards in the input are plain characters
        assertThat(ids(subject("AQTEST_"))).isEmpty();
        assertThat(ids(subject("%"))).doesNotContain("AQTEST-2");
        assertThat(ids(subject("=hyperlink"))).containsExactly("AQTEST-1-CAOXIAN");

        AuditFilter all = subject("AQTEST");
        assertThat(actors.as("admin", () -> query.count(all))).isEqualTo(3);
        assertThat(actors.as("admin", () -> query.page(all, 1, 1))).extracting(AuditEvent::getEntityId)
                .containsExactly("AQTEST-2");
        List<String> walked = new ArrayList<>();
        List<Integer> chunks = new ArrayList<>();
        actors.as("admin", () -> query.forEachChunk(all, 2, chunk -> {
            chunks.add(chunk.size());
            chunk.forEach(e -> walked.add(e.getEntityId()));
        }));
        assertThat(chunks).containsExactly(2, 1);
        assertThat(walked).containsExactly("AQTEST-3-SHANXIAN", "AQTEST-2", "AQTEST-1-CAOXIAN");
        assertThat(actors.as("admin", () -> query.actions())).contains("AQ_CREATED", "AQ_CHANGED");
        assertThat(actors.as("admin", () -> query.units())).extracting(AuditQueryService.UnitOption::code)
                .contains("CAOXIAN", "KJJ");
    }

    @Test
    void onlySupervisorsAndAdminsMayReadIt() {
        for (String user : List.of("caoxian.clerk", "caoxian.leader", "kjj.reviewer")) {
            assertThatThrownBy(() -> actors.as(user, () -> query.count(AuditFilter.all())))
                    .as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> actors.as(user, () -> query.page(AuditFilter.all(), 0, 10)))
                    .as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> actors.as(user, () -> {
                try {
                    excel.write(AuditFilter.all(), List.of("1", "2", "3", "4", "5", "6", "7"), Function.identity(),
                            ZONE, new ByteArrayOutputStream());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> query.count(AuditFilter.all())).as("anonymous")
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void badRequestsAreRefusedPlainly() {
        Instant now = Instant.parse("2031-03-02T00:00:00Z");
        assertThatThrownBy(() -> new AuditFilter(now, now, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start");
        assertThatThrownBy(() -> actors.as("admin", () -> query.page(AuditFilter.all(), 0, 100_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AuditFilter(null, null, "  ", "", null, " \t").actor()).isNull();
    }

    @Test
    void theExportHoldsTheFilteredEventsWithReadableChanges() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        actors.as("supervisor", () -> {
            try {
                excel.write(subject("AQTEST"), List.of("时间", "操作人", "操作", "对象类型", "对象", "说明", "变更"),
                        action -> action.equals("AQ_CREATED") ? "新建" : action, ZONE, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("变更");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2031-03-03 09:00:00");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("新建");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("DRAFT → AWAITING_REVIEW");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("narrative: a → b");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("aq.one");
            assertThat(sheet.getRow(3).getCell(5).getCellType()).as("text, never a formula")
                    .isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(3).getCell(6).getStringCellValue())
                    .isEqualTo("narrative: — → <script>alert(1)</script>\npercentDone: — → 20");
        }
    }
}
