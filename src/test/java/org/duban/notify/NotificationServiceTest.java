package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.notify.DemoUserContacts.as;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duban.audit.AuditService;
import org.duban.org.AppUser;
import org.duban.org.AppUserRepository;
import org.duban.org.Role;
import org.duban.org.UnitRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/** In-app notifications on the shared test context (mail off): who receives them, reading them, the opt-out. */
@SpringBootTest
@ActiveProfiles("test")
class NotificationServiceTest {

    private static final NotificationContent URGING = new NotificationContent("2023-T23", "加快科技创新平台建设", "曹县",
            "2023Q2", "请于本周内提交", LocalDate.of(2023, 7, 10), "supervisor", "report/2023-T23-Q2-CAOXIAN");

    @Autowired
    NotificationService service;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    AppUserRepository users;
    @Autowired
    UnitRepository units;
    @Autowired
    AuditService audit;

    DemoUserContacts contacts;

    @BeforeEach
    void startClean() {
        contacts = new DemoUserContacts(users);
        notifications.deleteAllInBatch();
    }

    @AfterEach
    void leaveNoTrace() {
        notifications.deleteAllInBatch();
        contacts.restore();
        users.findByUsername("caoxian.clerk2").ifPresent(users::delete);
        users.findByUsername("caoxian.clerk3").ifPresent(users::delete);
    }

    private Map<String, Long> recipientsOfAllNotifications() {
        return notifications.findAll().stream()
                .collect(Collectors.groupingBy(Notification::getRecipient, Collectors.counting()));
    }

    private void addCaoxianClerk(String username, boolean active) {
        AppUser clerk = new AppUser(username, "曹县 测试经办", "x", units.findByCode("CAOXIAN").orElseThrow(),
                EnumSet.of(Role.CLERK));
        clerk.setActive(active);
        users.save(clerk);
    }

    @Test
    void unitGroupReachesExactlyThatUnitsActiveMembersInThatRole() {
        addCaoxianClerk("caoxian.clerk2", true);
        addCaoxianClerk("caoxian.clerk3", false);

        service.notifyGroup(NotificationKind.URGED, "CAOXIAN.CLERK", URGING);

        assertThat(recipientsOfAllNotifications()).as("not 曹县's leader, not 单县's clerk, not the inactive clerk")
                .containsOnly(Map.entry("caoxian.clerk", 1L), Map.entry("caoxian.clerk2", 1L));
    }

    @Test
    void roleWideGroupReachesEveryActiveUserInThatRole() {
        service.notifyGroup(NotificationKind.ESCALATED, "SUPERVISOR", URGING);

        assertThat(recipientsOfAllNotifications()).containsEntry("supervisor", 1L).allSatisfy((username, count) ->
                assertThat(users.findByUsername(username).orElseThrow().hasRole(Role.SUPERVISOR)).isTrue());
    }

    @Test
    void unknownGroupsAndUsersAndInactiveUsersReachNobodyWithoutFailing() {
        addCaoxianClerk("caoxian.clerk3", false);

        service.notifyGroup(NotificationKind.URGED, "CAOXIAN.NOBODY", URGING);
        service.notifyGroup(NotificationKind.URGED, "NOWHERE.CLERK", URGING);
        service.notifyUsers(NotificationKind.URGED, List.of("no.such.user", "caoxian.clerk3"), URGING);

        assertThat(notifications.count()).isZero();
    }

    @Test
    void eachRecipientGetsOneRowWithChineseTitleBodyAndLink() {
        service.notifyUsers(NotificationKind.URGED, List.of("caoxian.clerk", "caoxian.leader", "caoxian.clerk"),
                URGING);

        assertThat(recipientsOfAllNotifications())
                .containsOnly(Map.entry("caoxian.clerk", 1L), Map.entry("caoxian.leader", 1L));
        Notification row = notifications.findAll().get(0);
        assertThat(row.getKind()).isEqualTo(NotificationKind.URGED);
        assertThat(row.getTitle()).isEqualTo("催办：2023-T23 加快科技创新平台建设（2023Q2）");
        assertThat(row.getBody()).isEqualTo("督查室 王督查催办：曹县重点任务 2023-T23「加快科技创新平台建设」2023Q2进展报告"
                + "已于2023年7月10日到期，请立即办理。催办说明：请于本周内提交");
        assertThat(row.getLink()).isEqualTo("report/2023-T23-Q2-CAOXIAN");
        assertThat(row.isRead()).isFalse();
    }

    @Test
    void unreadCountFollowsMarkReadAndMarkAllRead() {
        for (int i = 0; i < 3; i++) {
            service.notifyUsers(NotificationKind.ASSIGNED, List.of("caoxian.clerk"), URGING);
        }
        service.notifyUsers(NotificationKind.ASSIGNED, List.of("caoxian.leader"), URGING);
        long first = notifications.findAll().stream().filter(n -> n.getRecipient().equals("caoxian.clerk"))
                .findFirst().orElseThrow().getId();

        as("caoxian.clerk", () -> {
            assertThat(service.unreadCount("caoxian.clerk")).isEqualTo(3);
            service.markRead(first, "caoxian.clerk");
            service.markRead(first, "caoxian.clerk");
            assertThat(service.unreadCount("caoxian.clerk")).isEqualTo(2);
            assertThat(service.markAllRead("caoxian.clerk")).isEqualTo(2);
            assertThat(service.unreadCount("caoxian.clerk")).isZero();
        });
        assertThat(as("caoxian.leader", () -> service.unreadCount("caoxian.leader"))).as("others' stay unread")
                .isEqualTo(1);
    }

    @Test
    void aUserCannotReadOrMarkAnotherUsersNotifications() {
        service.notifyUsers(NotificationKind.RETURNED, List.of("caoxian.clerk"), URGING);
        long id = notifications.findAll().get(0).getId();

        as("kjj.reviewer", () -> {
            assertThatThrownBy(() -> service.markRead(id, "kjj.reviewer")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.markRead(id, "caoxian.clerk")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.markAllRead("caoxian.clerk")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.unreadCount("caoxian.clerk")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.list("caoxian.clerk", PageRequest.of(0, 10)))
                    .isInstanceOf(AccessDeniedException.class);
        });
        assertThat(notifications.findById(id).orElseThrow().isRead()).isFalse();
    }

    @Test
    void listPagesNewestFirstWhateverSortIsAsked() {
        for (String code : List.of("2023-T01", "2023-T02", "2023-T03")) {
            service.notifyUsers(NotificationKind.COPIED, List.of("caoxian.clerk"),
                    new NotificationContent(code, "任务", null, null, null, null, "supervisor", null));
        }

        as("caoxian.clerk", () -> {
            Page<Notification> first = service.list("caoxian.clerk", PageRequest.of(0, 2, Sort.by("title")));
            assertThat(first.getTotalElements()).isEqualTo(3);
            assertThat(first.getContent()).extracting(Notification::getTitle)
                    .containsExactly("抄送：2023-T03 任务", "抄送：2023-T02 任务");
            assertThat(service.list("caoxian.clerk", PageRequest.of(1, 2)).getContent())
                    .extracting(Notification::getTitle).containsExactly("抄送：2023-T01 任务");
            assertThat(service.count("caoxian.clerk")).isEqualTo(3);
        });
    }

    @Test
    void emailOptOutIsTheUsersOwnChoiceAndAudited() {
        int auditedBefore = audit.byAction(NotificationService.EMAIL_OPT_OUT_CHANGED).size();

        as("caoxian.clerk", () -> {
            service.setEmailOptOut("caoxian.clerk", true);
            service.setEmailOptOut("caoxian.clerk", true);
            assertThat(service.emailPreference("caoxian.clerk").optOut()).isTrue();
        });
        as("kjj.reviewer", () -> assertThatThrownBy(() -> service.setEmailOptOut("caoxian.clerk", false))
                .isInstanceOf(AccessDeniedException.class));

        assertThat(users.findByUsername("caoxian.clerk").orElseThrow().isEmailOptOut()).isTrue();
        var audited = audit.byAction(NotificationService.EMAIL_OPT_OUT_CHANGED);
        assertThat(audited).as("one change, one record").hasSize(auditedBefore + 1);
        assertThat(audited.get(audited.size() - 1)).satisfies(event -> {
            assertThat(event.getActor()).isEqualTo("caoxian.clerk");
            assertThat(event.getEntityId()).isEqualTo("caoxian.clerk");
            assertThat(event.getBeforeState()).isEqualTo("emailOptOut=false");
            assertThat(event.getAfterState()).isEqualTo("emailOptOut=true");
        });
    }
}
