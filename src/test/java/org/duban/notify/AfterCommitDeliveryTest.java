package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A mail server or SMS gateway that fails after the commit is logged; the committed action is not disturbed. */
class AfterCommitDeliveryTest {

    @Test
    void failingMailServerAndSmsGatewayAreLoggedNotThrown() throws IOException {
        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(closedPort());
        MailDelivery mail = new MailDelivery(new NotifyMailProperties(true, "duban@localhost", null),
                new StaticListableBeanFactory(Map.of("mailSender", unreachable)).getBeanProvider(JavaMailSender.class));
        List<String> attempts = new ArrayList<>();
        SmsSender brokenGateway = (mobile, text) -> {
            attempts.add(mobile);
            throw new IllegalStateException("gateway down");
        };

        OutboundMessages messages = new OutboundMessages(
                List.of(new OutboundMessages.Mail("chen@caoxian.example", "曹县 陈经办", "主题", "正文")),
                List.of(new OutboundMessages.Sms("13800000001", "催办"), new OutboundMessages.Sms("13800000002", "催办")));

        assertThatCode(() -> new AfterCommitDelivery(mail, brokenGateway).deliver(messages)).doesNotThrowAnyException();
        assertThat(attempts).as("one failed SMS does not stop the next").containsExactly("13800000001", "13800000002");
    }

    @Test
    void nothingIsMailedWhenMailIsDisabled() {
        List<Object> used = new ArrayList<>();
        JavaMailSenderImpl recording = new JavaMailSenderImpl() {
            @Override
            public void send(org.springframework.mail.javamail.MimeMessagePreparator... preparators) {
                used.add(preparators);
            }
        };
        MailDelivery mail = new MailDelivery(new NotifyMailProperties(false, "duban@localhost", null),
                new StaticListableBeanFactory(Map.of("mailSender", recording)).getBeanProvider(JavaMailSender.class));

        mail.send(new OutboundMessages.Mail("chen@caoxian.example", "曹县 陈经办", "主题", "正文"));

        assertThat(used).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
