package org.duban.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.org.Role;
import org.duban.org.UnitRef;
import org.duban.org.UnitService;
import org.duban.org.UnitType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit registry as an admin edits it. Each test runs in a transaction that is rolled back, so the shared test
 * database keeps the Heze registry exactly as shipped.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
@WithUserDetails("admin")
class UnitAdminServiceTest {

    @Autowired
    UnitAdminService admin;
    @Autowired
    UserAdminService userAdmin;
    @Autowired
    UnitService unitService;
    @Autowired
    AuditService audit;
    @Autowired
    UserDetailsService userDetails;

    private UnitSummary createTestBureau() {
        return admin.create(new UnitDraft("CSJ", "菏泽市测试局", UnitType.CITY_DEPT, true));
    }

    @Test
    void createdUnitResolvesByNameAndByItsAliases() {
        UnitSummary created = createTestBureau();
        admin.addAlias("CSJ", "市测试局");

        assertThat(created.registered()).isTrue();
        assertThat(created.active()).isTrue();
        assertThat(created.leaderSignoff()).isTrue();
        assertThat(admin.unit("CSJ").aliases()).containsExactly("市测试局");
        UnitRef expected = new UnitRef("CSJ", "菏泽市测试局", UnitType.CITY_DEPT);
        assertThat(unitService.snapshot().resolve("菏泽市测试局")).contains(expected);
        assertThat(unitService.snapshot().resolve("市测试局")).contains(expected);
        assertThat(unitService.snapshot().resolve("市 测试局")).contains(expected);
    }

    @Test
    void creationAndAliasesAreAuditedWithBeforeAndAfter() {
        createTestBureau();
        admin.addAlias("CSJ", "市测试局");

        List<AuditEvent> trail = audit.trailOf("Unit", "CSJ");
        assertThat(trail).extracting(AuditEvent::getAction).containsExactly("UNIT_CREATED", "UNIT_ALIAS_ADDED");
        assertThat(trail).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("admin"));
        assertThat(trail.get(0).getBeforeState()).isNull();
        assertThat(trail.get(0).getAfterState()).contains("\"code\":\"CSJ\"", "\"name\":\"菏泽市测试局\"",
                "\"type\":\"CITY_DEPT\"", "\"aliases\":[]");
        assertThat(trail.get(1).getBeforeState()).contains("\"aliases\":[]");
        assertThat(trail.get(1).getAfterState()).contains("\"aliases\":[\"市测试局\"]");
    }

    @Test
    void duplicateOrMalformedCodeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> admin.create(new UnitDraft("KJJ", "另一个局", UnitType.CITY_DEPT, false)))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("code");
                    assertThat(e.getCode()).isEqualTo("codeTaken");
                    assertThat(e.getMessage()).contains("KJJ", "市科技局");
                });
        assertThatThrownBy(() -> admin.create(new UnitDraft("csj 1", "另一个局", UnitType.CITY_DEPT, false)))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("code");
                    assertThat(e.getCode()).isEqualTo("codePattern");
                });
        assertThatThrownBy(() -> admin.create(new UnitDraft(" ", "另一个局", UnitType.CITY_DEPT, false)))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getField() + "/" + e.getCode()).isEqualTo("code/required"));
        assertThat(admin.units(UnitFilter.all())).extracting(UnitSummary::name).doesNotContain("另一个局");
    }

    @Test
    void nameOfAnotherUnitOrOneOfItsAliasesIsRefused() {
        assertThatThrownBy(() -> admin.create(new UnitDraft("CSJ", "市科技局", UnitType.CITY_DEPT, false)))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("name");
                    assertThat(e.getCode()).isEqualTo("nameUsedByOther");
                    assertThat(e.getArgs()).containsExactly("市科技局", "市科技局", "KJJ");
                });
        // 市工信局 is an alias of 市工业和信息化局
        assertThatThrownBy(() -> admin.create(new UnitDraft("CSJ", "市工信局", UnitType.CITY_DEPT, false)))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("市工业和信息化局 (GXJ)");
                });
        assertThat(admin.units(UnitFilter.all())).extracting(UnitSummary::code).doesNotContain("CSJ");
        assertThatThrownBy(() -> admin.create(new UnitDraft("CSJ", "菏泽市测试局", null, false)))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getField()).isEqualTo("type"));
    }

    @Test
    void aliasUsedByAnotherUnitIsRefusedNamingThatUnit() {
        createTestBureau();
        // 郓城 is an alias of 郓城县
        assertThatThrownBy(() -> admin.addAlias("CSJ", "郓城"))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("alias");
                    assertThat(e.getCode()).isEqualTo("nameUsedByOther");
                    assertThat(e.getMessage()).contains("郓城县 (YUNCHENG)");
                });
        // another unit's canonical name, with a stray space and a full-width space
        assertThatThrownBy(() -> admin.addAlias("CSJ", "曹\u3000县 "))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getMessage()).contains("曹县 (CAOXIAN)"));
        admin.addAlias("CSJ", "市测试局");
        assertThatThrownBy(() -> admin.addAlias("CSJ", "市测试局"))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getCode()).isEqualTo("aliasExists"));
        assertThatThrownBy(() -> admin.addAlias("CSJ", "菏泽市测试局"))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getCode()).isEqualTo("aliasIsOwnName"));
        assertThat(admin.unit("CSJ").aliases()).containsExactly("市测试局");
        assertThat(unitService.snapshot().resolve("郓城").map(UnitRef::code)).contains("YUNCHENG");
    }

    @Test
    void editingChangesNameTypeAndSignoffAndIsAudited() {
        createTestBureau();
        UnitSummary edited = admin.update("CSJ", new UnitChange("菏泽市检测中心", UnitType.OTHER, false));

        assertThat(edited.name()).isEqualTo("菏泽市检测中心");
        assertThat(edited.type()).isEqualTo(UnitType.OTHER);
        assertThat(edited.leaderSignoff()).isFalse();
        assertThat(unitService.snapshot().resolve("菏泽市检测中心").map(UnitRef::code)).contains("CSJ");
        assertThat(unitService.snapshot().resolve("菏泽市测试局")).isEmpty();
        AuditEvent change = audit.trailOf("Unit", "CSJ").get(1);
        assertThat(change.getAction()).isEqualTo("UNIT_CHANGED");
        assertThat(change.getBeforeState()).contains("\"name\":\"菏泽市测试局\"", "\"type\":\"CITY_DEPT\"",
                "\"leaderSignoff\":true");
        assertThat(change.getAfterState()).contains("\"name\":\"菏泽市检测中心\"", "\"type\":\"OTHER\"",
                "\"leaderSignoff\":false");

        assertThatThrownBy(() -> admin.update("CSJ", new UnitChange("单县", UnitType.OTHER, false)))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("单县 (SHANXIAN)");
                });
        assertThat(admin.unit("CSJ").name()).isEqualTo("菏泽市检测中心");
    }

    @Test
    void removedAliasNoLongerResolves() {
        createTestBureau();
        admin.addAlias("CSJ", "市测试局");
        admin.addAlias("CSJ", "测试局");

        UnitSummary after = admin.removeAlias("CSJ", "市测试局");

        assertThat(after.aliases()).containsExactly("测试局");
        assertThat(unitService.snapshot().resolve("市测试局")).isEmpty();
        assertThat(unitService.snapshot().resolve("测试局").map(UnitRef::code)).contains("CSJ");
        AuditEvent removal = audit.trailOf("Unit", "CSJ").get(3);
        assertThat(removal.getAction()).isEqualTo("UNIT_ALIAS_REMOVED");
        assertThat(removal.getBeforeState()).contains("\"aliases\":[\"市测试局\",\"测试局\"]");
        assertThat(removal.getAfterState()).contains("\"aliases\":[\"测试局\"]");
        assertThatThrownBy(() -> admin.removeAlias("CSJ", "市测试局"))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getField() + "/" + e.getCode()).isEqualTo("alias/aliasNotFound"));
    }

    @Test
    void deactivatedUnitStopsResolvingAndItsUsersCannotSignInUntilReactivated() {
        createTestBureau();
        admin.addAlias("CSJ", "市测试局");
        userAdmin.create(new NewUser("csj.clerk", "测试局 经办", "CSJ", EnumSet.of(Role.CLERK), null, "secret-123"));

        UnitSummary deactivated = admin.deactivate("CSJ");

        assertThat(deactivated.active()).isFalse();
        assertThat(unitService.snapshot().resolve("市测试局")).isEmpty();
        assertThat(unitService.snapshot().resolve("菏泽市测试局")).isEmpty();
        assertThat(unitService.findByCode("CSJ")).as("kept, never deleted").isPresent();
        assertThat(userDetails.loadUserByUsername("csj.clerk").isEnabled()).isFalse();
        assertThat(admin.units(new UnitFilter(null, null, false, null))).extracting(UnitSummary::code)
                .contains("CSJ");
        assertThat(admin.units(UnitFilter.activeOnly())).extracting(UnitSummary::code).doesNotContain("CSJ");
        assertThat(audit.trailOf("Unit", "CSJ")).extracting(AuditEvent::getAction).last()
                .isEqualTo("UNIT_DEACTIVATED");

        admin.reactivate("CSJ");

        assertThat(unitService.snapshot().resolve("市测试局").map(UnitRef::code)).contains("CSJ");
        assertThat(userDetails.loadUserByUsername("csj.clerk").isEnabled()).isTrue();
        assertThat(audit.trailOf("Unit", "CSJ")).extracting(AuditEvent::getAction).last()
                .isEqualTo("UNIT_REACTIVATED");
    }

    @Test
    void adminCannotDeactivateTheirOwnUnit() {
        assertThatThrownBy(() -> admin.deactivate("SZFBGS"))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("ownUnit");
                    assertThat(e.getMessage()).contains("市政府办公室");
                });
        assertThat(admin.unit("SZFBGS").active()).isTrue();
    }

    @Test
    void unitAnImportCreatedCanBeMarkedRegistered() {
        String code = unitService.findOrRegisterUnknown("菏泽市某某服务中心").getCode();
        assertThat(admin.units(new UnitFilter("某某服务", null, null, false))).extracting(UnitSummary::code)
                .containsExactly(code);

        UnitSummary registered = admin.markRegistered(code);

        assertThat(registered.registered()).isTrue();
        assertThat(admin.units(new UnitFilter("某某服务", null, null, false))).isEmpty();
        AuditEvent event = audit.trailOf("Unit", code).get(0);
        assertThat(event.getAction()).isEqualTo("UNIT_CHANGED");
        assertThat(event.getBeforeState()).contains("\"registered\":false");
        assertThat(event.getAfterState()).contains("\"registered\":true");
    }

    @Test
    void listFiltersByTextTypeAndState() {
        assertThat(admin.units(new UnitFilter("鄆城", null, null, null))).extracting(UnitSummary::code)
                .containsExactly("YUNCHENG");
        assertThat(admin.units(new UnitFilter("kjj", null, null, null))).extracting(UnitSummary::code)
                .containsExactly("KJJ");
        assertThat(admin.units(new UnitFilter(null, UnitType.ZONE, true, true))).extracting(UnitSummary::code)
                .contains("HZKFQ", "HZGXQ").doesNotContain("CAOXIAN", "KJJ");
        UnitSummary kjj = admin.units(new UnitFilter("市科技局", null, null, null)).get(0);
        assertThat(kjj.aliases()).containsExactly("市科学技术局");
        assertThat(kjj.activeUsers()).isGreaterThanOrEqualTo(3);
    }

    @Test
    @WithUserDetails("caoxian.clerk")
    void nonAdminsAreRefused() {
        assertThatThrownBy(() -> admin.units(UnitFilter.all())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.create(new UnitDraft("CSJ", "菏泽市测试局", UnitType.CITY_DEPT, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.deactivate("KJJ")).isInstanceOf(AccessDeniedException.class);
        assertThat(unitService.findByCode("CSJ")).isEmpty();
    }
}
