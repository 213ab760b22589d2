package org.duban.notify;

import java.util.List;

/**
 * The e-mails and text messages a notification produced, published inside the business transaction and sent only
 * after it commits. Everything needed to send is rendered already, so sending touches no database.
 */
record OutboundMessages(List<Mail> mails, List<Sms> texts) {

    OutboundMessages {
        mails = List.copyOf(mails);
        texts = List.copyOf(texts);
    }

    boolean isEmpty() {
        return mails.isEmpty() && texts.isEmpty();
    }

    record Mail(String address, String recipientName, String subject, String body) {
    }

    record Sms(String mobile, String text) {
    }
}
