package org.duban.notify;

import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one notification mail through Spring's {@link JavaMailSender}, when {@code duban.mail.enabled} is on. The mail
 * server being down must not undo work already committed, so failures are logged, never thrown.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final NotifyMailProperties settings;
    private final JavaMailSender sender;

    MailDelivery(NotifyMailProperties settings, ObjectProvider<JavaMailSender> senders) {
        this.settings = settings;
        // Spring Boot creates a JavaMailSender only when spring.mail.host is set
        this.sender = senders.getIfAvailable();
        if (settings.enabled() && sender == null) {
            log.warn("duban.mail.enabled is true but spring.mail.host is not set: notifications go out in-app only");
        }
    }

    void send(OutboundMessages.Mail mail) {
        if (!settings.enabled() || sender == null) {
            return;
        }
        try {
            sender.send(message -> {
                MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                helper.setFrom(settings.from());
                helper.setTo(new InternetAddress(mail.address(), mail.recipientName(), StandardCharsets.UTF_8.name()));
                helper.setSubject(mail.subject());
                helper.setText(mail.body());
            });
        } catch (RuntimeException e) {
            log.warn("Notification mail to {} failed: {}", mail.address(), e.toString());
        }
    }
}
