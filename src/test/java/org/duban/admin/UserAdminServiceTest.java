package org.duban.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.org.AppUserRepository;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/** Users as an admin manages them; every test is rolled back, so the demo users stay as they are. */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
@WithUserDetails("admin")
class UserAdminServiceTest {

    @Autowired
    UserAdminService admin;
    @Autowired
    AppUserRepository users;
    @Autowired
    AuditService audit;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwordEncoder;

    private static NewUser clerk(String username, String password) {
        return new NewUser(username, "曹县 测试经办", "CAOXIAN", EnumSet.of(Role.CLERK), "clerk@caoxian.example",
                password);
    }

    @Test
    void createdUserCanSignInWithTheGivenPasswordAndCarriesUnitAndRoles() {
        CreatedUser created = admin.create(clerk("caoxian.test", "secret-123"));

        assertThat(created.generatedPassword()).isNull();
        assertThat(created.user()).isEqualTo(new UserSummary("caoxian.test", "曹县 测试经办", "CAOXIAN", "曹县",
                Set.of(Role.CLERK), "clerk@caoxian.example", true));
        UserDetails login = userDetails.loadUserByUsername("caoxian.test");
        assertThat(login.isEnabled()).isTrue();
        assertThat(passwordEncoder.matches("secret-123", login.getPassword())).isTrue();
        assertThat(login.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_CLERK");

        AuditEvent event = audit.trailOf("User", "caoxian.test").get(0);
        assertThat(event.getAction()).isEqualTo("USER_CREATED");
        assertThat(event.getActor()).isEqualTo("admin");
        assertThat(event.getBeforeState()).isNull();
        assertThat(event.getAfterState()).contains("\"username\":\"caoxian.test\"", "\"unit\":\"CAOXIAN\"",
                "\"roles\":[\"CLERK\"]", "\"active\":true").doesNotContain("secret-123", "{bcrypt}");
    }

    @Test
    void withoutAPasswordOneIsGeneratedAndReturnedOnce() {
        CreatedUser created = admin.create(clerk("caoxian.gen", ""));

        assertThat(created.generatedPassword()).hasSize(12).matches("[A-Za-z2-9]+");
        assertThat(passwordEncoder.matches(created.generatedPassword(),
                userDetails.loadUserByUsername("caoxian.gen").getPassword())).isTrue();
        assertThat(audit.trailOf("User", "caoxian.gen").get(0).getAfterState())
                .doesNotContain(created.generatedPassword());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        assertRefused(clerk("Cao Xian", "secret-123"), "username", "usernamePattern");
        assertRefused(clerk("cx", "secret-123"), "username", "usernamePattern");
        assertRefused(clerk("kjj.clerk", "secret-123"), "username", "usernameTaken");
        assertRefused(clerk("caoxian.bad", "short"), "password", "passwordTooShort");
        assertRefused(new NewUser("caoxian.bad", " ", "CAOXIAN", EnumSet.of(Role.CLERK), null, null), "displayName",
                "required");
        assertRefused(new NewUser("caoxian.bad", "某人", "NOSUCH", EnumSet.of(Role.CLERK), null, null), "unit",
                "unitNotFound");
        assertRefused(new NewUser("caoxian.bad", "某人", "CAOXIAN", Set.of(), null, null), "roles", "rolesRequired");
        assertRefused(new NewUser("caoxian.bad", "某人", "CAOXIAN", EnumSet.of(Role.CLERK), "not-an-address", null),
                "email", "emailPattern");
        assertThat(users.existsByUsername("caoxian.bad")).isFalse();
        assertThat(audit.trailOf("User", "caoxian.bad")).isEmpty();
    }

    private void assertRefused(NewUser user, String field, String code) {
        assertThatThrownBy(() -> admin.create(user)).isInstanceOfSatisfying(AdminValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getCode()).isEqualTo(code);
            assertThat(e.getMessage()).startsWith(field + ": ");
        });
    }

    @Test
    void editingChangesDisplayNameUnitRolesAndEmailWithBeforeAndAfterAudited() {
        admin.create(clerk("caoxian.test", "secret-123"));

        UserSummary edited = admin.update("caoxian.test", new UserChange("单县 测试经办", "SHANXIAN",
                EnumSet.of(Role.CLERK, Role.UNIT_LEADER), ""));

        assertThat(edited).isEqualTo(new UserSummary("caoxian.test", "单县 测试经办", "SHANXIAN", "单县",
                Set.of(Role.CLERK, Role.UNIT_LEADER), null, true));
        assertThat(userDetails.loadUserByUsername("caoxian.test").getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_CLERK", "ROLE_UNIT_LEADER");
        AuditEvent change = audit.trailOf("User", "caoxian.test").get(1);
        assertThat(change.getAction()).isEqualTo("USER_CHANGED");
        assertThat(change.getBeforeState()).contains("\"unit\":\"CAOXIAN\"", "\"roles\":[\"CLERK\"]",
                "\"email\":\"clerk@caoxian.example\"");
        assertThat(change.getAfterState()).contains("\"unit\":\"SHANXIAN\"",
                "\"roles\":[\"CLERK\",\"UNIT_LEADER\"]", "\"email\":null");

        assertThatThrownBy(() -> admin.update("caoxian.test", new UserChange("x", "SHANXIAN", Set.of(), null)))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getField()).isEqualTo("roles"));
        assertThat(admin.user("caoxian.test").displayName()).isEqualTo("单县 测试经办");
    }

    @Test
    void listIsPagedFilteredAndSorted() {
        admin.create(new NewUser("paged.a", "甲", "KJJ", EnumSet.of(Role.CLERK), null, null));
        admin.create(new NewUser("paged.b", "乙", "KJJ", EnumSet.of(Role.REVIEWER), null, null));
        admin.create(new NewUser("paged.c", "丙", "GXJ", EnumSet.of(Role.CLERK), null, null));
        UserFilter paged = new UserFilter("PAGED.", null, null, null);

        Page<UserSummary> first = admin.users(paged, PageRequest.of(0, 2));
        Page<UserSummary> second = admin.users(paged, PageRequest.of(1, 2));

        assertThat(first.getContent()).extracting(UserSummary::username).containsExactly("paged.a", "paged.b");
        assertThat(second.getContent()).extracting(UserSummary::username).containsExactly("paged.c");
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(admin.countUsers(paged)).isEqualTo(3);
        assertThat(admin.users(paged, PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC, "username"))))
                .extracting(UserSummary::username).containsExactly("paged.c", "paged.b", "paged.a");
        assertThat(admin.users(new UserFilter("paged", "KJJ", Role.CLERK, true), PageRequest.of(0, 10)))
                .extracting(UserSummary::username).containsExactly("paged.a");
        assertThat(admin.users(new UserFilter(null, "KJJ", Role.REVIEWER, null), PageRequest.of(0, 10)))
                .extracting(UserSummary::username).contains("kjj.reviewer", "paged.b").doesNotContain("kjj.clerk");
        assertThat(admin.users(new UserFilter("李审核", null, null, null), PageRequest.of(0, 10)))
                .extracting(UserSummary::username).containsExactly("kjj.reviewer");
        // by unit name, as the grid's unit column sorts: 市工业和信息化局 before 市科技局 in code-point order
        assertThat(admin.users(paged, PageRequest.of(0, 10, Sort.by("unit.name"))))
                .extracting(UserSummary::username).containsExactly("paged.c", "paged.a", "paged.b");
        // an unknown sort column falls back to the user name rather than failing
        assertThat(admin.users(paged, PageRequest.of(0, 10, Sort.by("passwordHash"))))
                .extracting(UserSummary::username).containsExactly("paged.a", "paged.b", "paged.c");
    }

    @Test
    void deactivatedUserCannotSignInUntilReactivated() {
        admin.create(clerk("caoxian.test", "secret-123"));

        assertThat(admin.deactivate("caoxian.test").active()).isFalse();

        assertThat(userDetails.loadUserByUsername("caoxian.test").isEnabled()).isFalse();
        assertThat(users.findByUsername("caoxian.test")).as("kept, never deleted").isPresent();
        assertThat(admin.users(new UserFilter("caoxian.test", null, null, false), PageRequest.of(0, 5)))
                .hasSize(1);
        AuditEvent deactivation = audit.trailOf("User", "caoxian.test").get(1);
        assertThat(deactivation.getAction()).isEqualTo("USER_DEACTIVATED");
        assertThat(deactivation.getBeforeState()).contains("\"active\":true");
        assertThat(deactivation.getAfterState()).contains("\"active\":false");

        admin.reactivate("caoxian.test");

        assertThat(userDetails.loadUserByUsername("caoxian.test").isEnabled()).isTrue();
        assertThat(audit.trailOf("User", "caoxian.test")).extracting(AuditEvent::getAction).last()
                .isEqualTo("USER_REACTIVATED");
    }

    @Test
    void adminCannotDeactivateThemselvesNorDropTheirOwnAdminRole() {
        assertThatThrownBy(() -> admin.deactivate("admin"))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("username");
                    assertThat(e.getCode()).isEqualTo("selfDeactivate");
                    assertThat(e.getMessage()).contains("cannot deactivate yourself");
                });
        assertThatThrownBy(() -> admin.update("admin",
                new UserChange("系统管理员", "SZFBGS", EnumSet.of(Role.SUPERVISOR), null)))
                .isInstanceOfSatisfying(AdminValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("roles");
                    assertThat(e.getCode()).isEqualTo("ownAdminRole");
                });
        UserSummary me = admin.user("admin");
        assertThat(me.active()).isTrue();
        assertThat(me.roles()).containsExactly(Role.ADMIN);
        assertThat(userDetails.loadUserByUsername("admin").isEnabled()).isTrue();

        // another admin's role is another matter
        admin.create(new NewUser("second.admin", "第二管理员", "SZFBGS", EnumSet.of(Role.ADMIN), null, null));
        assertThat(admin.update("second.admin",
                new UserChange("第二管理员", "SZFBGS", EnumSet.of(Role.SUPERVISOR), null)).roles())
                .containsExactly(Role.SUPERVISOR);
        assertThat(admin.deactivate("second.admin").active()).isFalse();
    }

    @Test
    void passwordResetReplacesTheOldPasswordAndIsAuditedWithoutIt() {
        admin.create(clerk("caoxian.test", "secret-123"));

        String generated = admin.resetPassword("caoxian.test");

        String hash = userDetails.loadUserByUsername("caoxian.test").getPassword();
        assertThat(passwordEncoder.matches(generated, hash)).isTrue();
        assertThat(passwordEncoder.matches("secret-123", hash)).isFalse();
        admin.setPassword("caoxian.test", "chosen-by-admin");
        assertThat(passwordEncoder.matches("chosen-by-admin",
                userDetails.loadUserByUsername("caoxian.test").getPassword())).isTrue();
        assertThatThrownBy(() -> admin.setPassword("caoxian.test", "1234567"))
                .isInstanceOfSatisfying(AdminValidationException.class,
                        e -> assertThat(e.getField() + "/" + e.getCode()).isEqualTo("password/passwordTooShort"));

        List<AuditEvent> resets = audit.trailOf("User", "caoxian.test").stream()
                .filter(e -> e.getAction().equals("PASSWORD_RESET")).toList();
        assertThat(resets).hasSize(2);
        assertThat(resets).allSatisfy(e -> {
            assertThat(e.getBeforeState()).isNull();
            assertThat(e.getAfterState()).isNull();
            assertThat(e.getSummary()).contains("caoxian.test").doesNotContain(generated, "chosen-by-admin");
        });
    }

    @Test
    @WithUserDetails("caoxian.clerk")
    void nonAdminsAreRefused() {
        assertThatThrownBy(() -> admin.users(UserFilter.all(), PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.resetPassword("admin")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.create(clerk("caoxian.test", "secret-123")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.existsByUsername("caoxian.test")).isFalse();
    }
}
