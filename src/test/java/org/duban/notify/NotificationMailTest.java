package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duban.org.AppUserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail and SMS as they leave Duban: real SMTP into GreenMail, SMS into a recording sender. Mail is on for this class
 * only, so it runs in a Spring context of its own.
 */
@SpringBootTest
@ActiveProfiles("test")
class NotificationMailTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.port(SMTP_PORT))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("duban.mail.enabled", () -> "true");
        properties.add("duban.mail.from", () -> "duban@heze.example");
        properties.add("duban.mail.base-url", () -> "https://duban.heze.example/");
    }

    static final class RecordingSmsSender implements SmsSender {

        record Sent(String mobile, String text) {
        }

        final List<Sent> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(String mobile, String text) {
            sent.add(new Sent(mobile, text));
        }
    }

    @TestConfiguration
    static class RecordingSms {

        @Bean
        @Primary
        RecordingSmsSender recordingSmsSender() {
            return new RecordingSmsSender();
        }
    }

    private static final String CLERK_MAIL = "chen@caoxian.example";
    private static final String LEADER_MAIL = "feng@caoxian.example";
    private static final NotificationContent CONTENT = new NotificationContent("2023-T23", "加快科技创新平台建设", "曹县",
            "2023Q2", "指标数据未填写完整", LocalDate.of(2023, 7, 10), "kjj.reviewer", "report/2023-T23-Q2-CAOXIAN");

    @Autowired
    NotificationService service;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    AppUserRepository users;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    TransactionTemplate tx;

    DemoUserContacts contacts;

    @BeforeEach
    void startClean() throws Exception {
        contacts = new DemoUserContacts(users);
        greenMail.purgeEmailFromAllMailboxes();
        sms.sent.clear();
        notifications.deleteAllInBatch();
    }

    @AfterEach
    void leaveNoTrace() {
        contacts.restore();
        notifications.deleteAllInBatch();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ASSIGNED               | 【督办】新交办任务：2023-T23 加快科技创新平台建设
            DUE_SOON               | 【督办】到期提醒：2023-T23 加快科技创新平台建设（2023Q2）
            URGED                  | 【督办】催办：2023-T23 加快科技创新平台建设（2023Q2）
            RETURNED               | 【督办】报告被退回：2023-T23 加快科技创新平台建设（2023Q2）
            ESCALATED              | 【督办】逾期督办：2023-T23 加快科技创新平台建设（2023Q2）
            APPROVED               | 【督办】审核通过：2023-T23 加快科技创新平台建设（2023Q2）
            COORDINATION_REQUESTED | 【督办】问题协调：2023-T23 加快科技创新平台建设
            COPIED                 | 【督办】抄送：2023-T23 加快科技创新平台建设（2023Q2）
            """)
    void eachKindMailsItsSubjectAndTheTaskUnitAndReasonToTheRecipient(NotificationKind kind, String subject)
            throws Exception {
        contacts.set("caoxian.clerk", CLERK_MAIL, false, null);

        service.notifyUsers(kind, List.of("caoxian.clerk"), CONTENT);

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = single();
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(addresses(mail)).containsExactly(CLERK_MAIL);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("duban@heze.example");
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        assertThat((String) mail.getContent()).startsWith("曹县 陈经办，您好：")
                .contains("任务编号：2023-T23", "任务名称：加快科技创新平台建设", "曹县", "指标数据未填写完整",
                        "https://duban.heze.example/report/2023-T23-Q2-CAOXIAN");
    }

    @Test
    void actorAndDueDateAreWrittenForPeople() throws Exception {
        contacts.set("caoxian.clerk", CLERK_MAIL, false, null);

        service.notifyUsers(NotificationKind.RETURNED, List.of("caoxian.clerk"), CONTENT);

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat((String) single().getContent()).contains("市科技局 李审核退回了曹县的重点工作任务进展报告",
                "退回原因：指标数据未填写完整", "重新提交时限：2023年7月10日");
    }

    @Test
    void optedOutUsersGetNoMailButStillTheInAppNotification() throws Exception {
        contacts.set("caoxian.clerk", CLERK_MAIL, true, null);
        contacts.set("caoxian.leader", LEADER_MAIL, false, null);

        service.notifyUsers(NotificationKind.URGED, List.of("caoxian.clerk", "caoxian.leader"), CONTENT);

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(addresses(single())).containsExactly(LEADER_MAIL);
        assertThat(notifications.findAll()).extracting(Notification::getRecipient)
                .containsExactlyInAnyOrder("caoxian.clerk", "caoxian.leader");
    }

    @Test
    void usersWithoutAnAddressGetNoMail() {
        contacts.set("caoxian.clerk", null, false, null);

        service.notifyUsers(NotificationKind.URGED, List.of("caoxian.clerk"), CONTENT);

        assertThat(greenMail.waitForIncomingEmail(500, 1)).isFalse();
        assertThat(notifications.count()).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionSendsNothingAndLeavesNothing() {
        contacts.set("caoxian.clerk", CLERK_MAIL, false, "13800000001");

        tx.executeWithoutResult(status -> {
            service.notifyUsers(NotificationKind.URGED, List.of("caoxian.clerk"), CONTENT);
            status.setRollbackOnly();
        });

        assertThat(greenMail.waitForIncomingEmail(1000, 1)).isFalse();
        assertThat(sms.sent).isEmpty();
        assertThat(notifications.count()).isZero();
    }

    @Test
    void mailWaitsUntilTheBusinessTransactionCommits() {
        contacts.set("caoxian.clerk", CLERK_MAIL, false, null);

        tx.executeWithoutResult(status -> {
            service.notifyUsers(NotificationKind.APPROVED, List.of("caoxian.clerk"), CONTENT);
            assertThat(greenMail.getReceivedMessages()).as("nothing sent before the commit").isEmpty();
        });

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
    }

    @Test
    void groupMailReachesExactlyThatUnitsClerks() throws Exception {
        contacts.set("caoxian.clerk", CLERK_MAIL, false, null);
        contacts.set("caoxian.leader", LEADER_MAIL, false, null);
        contacts.set("shanxian.clerk", "chu@shanxian.example", false, null);

        service.notifyGroup(NotificationKind.DUE_SOON, "CAOXIAN.CLERK", CONTENT);

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(greenMail.waitForIncomingEmail(500, 2)).as("only one mail").isFalse();
        assertThat(addresses(single())).containsExactly(CLERK_MAIL);
        assertThat(notifications.findAll()).extracting(Notification::getRecipient).containsExactly("caoxian.clerk");
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void smsGoesOutForUrgingAndEscalationOnly(NotificationKind kind) {
        contacts.set("caoxian.clerk", null, true, "13800000001");
        contacts.set("caoxian.leader", null, false, null);

        service.notifyUsers(kind, List.of("caoxian.clerk", "caoxian.leader"), CONTENT);

        if (kind == NotificationKind.URGED || kind == NotificationKind.ESCALATED) {
            assertThat(sms.sent).as("to the one user with a mobile, e-mail opt-out or not").singleElement()
                    .satisfies(text -> {
                        assertThat(text.mobile()).isEqualTo("13800000001");
                        assertThat(text.text()).startsWith("【督办】").contains("曹县", "2023-T23", "2023Q2");
                    });
        } else {
            assertThat(sms.sent).isEmpty();
        }
    }

    private static MimeMessage single() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static List<String> addresses(MimeMessage mail) throws Exception {
        return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                .map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
