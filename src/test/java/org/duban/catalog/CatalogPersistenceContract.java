package org.duban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.duban.audit.AuditService;
import org.duban.catalog.parse.CatalogParseException;
import org.duban.org.AppUserRepository;
import org.duban.org.Role;
import org.duban.org.UnitRepository;
import org.duban.org.UnitType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the catalog must do on every database: the seed plan stored exactly, a second import changing nothing, bad
 * input leaving nothing behind. Run on H2 and on PostgreSQL by the subclasses.
 */
@SpringBootTest
abstract class CatalogPersistenceContract {

    private static final String SEED = "/catalog/seed/heze-2023.txt";

    @Autowired
    CatalogImportService importService;
    @Autowired
    PlanRepository plans;
    @Autowired
    PlanImportRepository imports;
    @Autowired
    KeyTaskRepository tasks;
    @Autowired
    UnitRepository units;
    @Autowired
    AppUserRepository users;
    @Autowired
    AuditService audit;
    @Autowired
    TransactionTemplate tx;

    static byte[] seed() throws IOException {
        try (InputStream in = CatalogPersistenceContract.class.getResourceAsStream(SEED)) {
            return in.readAllBytes();
        }
    }

    Plan seedPlan() {
        return plans.findByDocumentNumberAndYear("菏政办字〔2023〕13号", 2023).orElseThrow();
    }

    @Test
    void seedPlanIsStoredWithSectionsTasksUnitsAndIndicators() {
        tx.executeWithoutResult(status -> {
            Plan plan = seedPlan();
            assertThat(plan.getTitle()).isEqualTo("菏泽市建设绿色低碳高质量发展先行区2023年重点工作任务");
            assertThat(plan.getSections()).hasSize(11);
            assertThat(plan.getSections().get(0).getTitle()).isEqualTo("深入实施创新驱动发展战略");
            assertThat(plan.getSections().get(10).getLabel()).isEqualTo("十一");
            assertThat(tasks.countByPlanId(plan.getId())).isEqualTo(96);

            KeyTask t9 = tasks.findByPlanAndNumber(plan, 9).orElseThrow();
            assertThat(t9.getCode()).isEqualTo("2023-T9");
            assertThat(t9.primaryLead().orElseThrow().getName()).isEqualTo("市委组织部");
            assertThat(t9.unitsWith(AssignmentRole.LEAD)).extracting(u -> u.getName())
                    .containsExactly("市人力资源社会保障局", "市科技局", "市教育局", "市工业和信息化局");
            assertThat(t9.unitsWith(AssignmentRole.PARTICIPANT)).extracting(u -> u.getName())
                    .startsWith("团市委").contains("曹县", "菏泽高新技术产业开发区").hasSize(12);

            KeyTask t48 = tasks.findByPlanAndNumber(plan, 48).orElseThrow();
            assertThat(t48.getOpenTokens()).extracting(TaskOpenToken::getToken).containsExactly("有关县区政府");

            KeyTask t87 = tasks.findByPlanAndNumber(plan, 87).orElseThrow();
            assertThat(t87.getIndicators()).anySatisfy(i -> {
                assertThat(i.getTargetValue()).isEqualByComparingTo("1500");
                assertThat(i.getMeasureUnit()).isEqualTo("张");
                assertThat(i.getComparator()).isEqualTo(Comparator.EXACT);
            });

            KeyTask t95 = tasks.findByPlanAndNumber(plan, 95).orElseThrow();
            assertThat(t95.isRunBySupervisionOffice()).isTrue();
        });
    }

    @Test
    void registryAndDemoUsersAreInPlace() {
        assertThat(units.findByCode("CAOXIAN").orElseThrow().getType()).isEqualTo(UnitType.COUNTY);
        assertThat(units.findByAlias("鄆城").orElseThrow().getName()).isEqualTo("郓城县");
        tx.executeWithoutResult(status -> assertThat(tasks.findAllOfPlan(seedPlan().getId()))
                .flatExtracting(KeyTask::getAssignments)
                .allSatisfy(a -> assertThat(a.getUnit().isRegistered()).as(a.getUnit().getName()).isTrue()));
        tx.executeWithoutResult(status -> {
            var reviewer = users.findByUsername("kjj.reviewer").orElseThrow();
            assertThat(reviewer.getUnit().getName()).isEqualTo("市科技局");
            assertThat(reviewer.getRoles()).containsExactly(Role.REVIEWER);
            assertThat(reviewer.getPasswordHash()).startsWith("{bcrypt}");
        });
    }

    @Test
    void importingTheSamePlanAgainChangesNothing() throws Exception {
        long tasksBefore = tasks.count();
        ImportReport report = importService.importPlan(seed(), "heze-2023.txt", "admin");
        assertThat(report.outcome()).isEqualTo(PlanImport.Outcome.UNCHANGED);
        assertThat(report.differences()).isEmpty();
        assertThat(report.planId()).isEqualTo(seedPlan().getId());
        assertThat(tasks.count()).isEqualTo(tasksBefore);
    }

    @Test
    void aChangedDocumentOfTheSamePlanReportsItsDifferencesAndChangesNothing() throws Exception {
        String changed = new String(seed(), StandardCharsets.UTF_8)
                .replace("新增护理型养老床位1500张", "新增护理型养老床位1800张")
                .replace("（牵头单位：市林业局；参与单位：各县区政府、管委会）",
                        "（牵头单位：市林业局；参与单位：市水务局，各县区政府、管委会）");
        ImportReport report = importService.importPlan(changed.getBytes(StandardCharsets.UTF_8), "changed.txt",
                "admin");
        assertThat(report.outcome()).isEqualTo(PlanImport.Outcome.DIFFERENT);
        assertThat(report.differences()).anyMatch(d -> d.startsWith("任务87 正文"))
                .anyMatch(d -> d.startsWith("任务87 指标") && d.contains("1800张 EXACT") && d.contains("1500张 EXACT"))
                .anyMatch(d -> d.equals("任务39 参与单位: 新增 市水务局"));
        tx.executeWithoutResult(status -> {
            KeyTask t87 = tasks.findByPlanAndNumber(seedPlan(), 87).orElseThrow();
            assertThat(t87.getBody()).contains("1500张").doesNotContain("1800张");
        });
        List<PlanImport> history = imports.findByPlanOrderByImportedAtDesc(seedPlan());
        assertThat(history).extracting(PlanImport::getOutcome).contains(PlanImport.Outcome.DIFFERENT);
    }

    @Test
    void aNewPlanWithAnUnknownUnitRegistersItAndWarns() throws Exception {
        String doc = """
                某市人民政府办公室
                某政办字〔2031〕7号
                某市2031年重点工作任务
                一、稳定经济增长
                1. 扩大有效投资。完成重点项目投资 300 亿元以上。（牵头单位：市发展改革委；参与单位：市城建投资集团，各县区政府、管委会）
                2. 提振消费。新增限上商贸企业200家。（牵头单位：市商务局）
                """;
        long unitsBefore = units.count();
        ImportReport report = importService.importPlan(doc.getBytes(StandardCharsets.UTF_8), "other.txt", "admin");
        assertThat(report.outcome()).isEqualTo(PlanImport.Outcome.CREATED);
        assertThat(report.taskCount()).isEqualTo(2);
        assertThat(report.warnings()).anyMatch(w -> w.contains("市城建投资集团"));
        var unknown = units.findByName("市城建投资集团").orElseThrow();
        assertThat(unknown.isRegistered()).isFalse();
        assertThat(unknown.getCode()).matches("X[0-9A-F]{8}");
        assertThat(units.count()).isEqualTo(unitsBefore + 1);
        assertThat(audit.trailOf("Plan", String.valueOf(report.planId())))
                .extracting(e -> e.getAction()).containsExactly("PLAN_IMPORTED");
    }

    @Test
    void unreadableInputIsRefusedWithItsNameAndLeavesNothingBehind() {
        long plansBefore = plans.count();
        assertThatThrownBy(() -> importService.importPlan(new byte[0], "empty.txt", "admin"))
                .isInstanceOf(CatalogParseException.class).hasMessageContaining("empty.txt");
        assertThatThrownBy(() -> importService.importPlan("没有编号的任务。".getBytes(StandardCharsets.UTF_8),
                "notasks.txt", "admin"))
                .isInstanceOf(CatalogParseException.class).hasMessageContaining("notasks.txt");
        assertThat(plans.count()).isEqualTo(plansBefore);
    }
}
