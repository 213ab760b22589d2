package org.duban.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends e-mail and SMS once the action that caused them has committed: a rolled-back approval or urging sends
 * nothing. Runs in the committing thread; failures are logged so the committed action still succeeds for its caller.
 */
@Component
class AfterCommitDelivery {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitDelivery.class);

    private final MailDelivery mail;
    private final SmsSender sms;

    AfterCommitDelivery(MailDelivery mail, SmsSender sms) {
        this.mail = mail;
        this.sms = sms;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void deliver(OutboundMessages messages) {
        messages.mails().forEach(mail::send);
        messages.texts().forEach(this::sendSms);
    }

    private void sendSms(OutboundMessages.Sms text) {
        try {
            sms.send(text.mobile(), text.text());
        } catch (RuntimeException e) {
            log.warn("SMS to {} failed: {}", LoggingSmsSender.masked(text.mobile()), e.toString());
        }
    }
}
