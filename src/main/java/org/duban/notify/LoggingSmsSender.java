package org.duban.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in for an SMS gateway: writes the message to the log, with the number partly masked. */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void send(String mobile, String text) {
        log.info("SMS to {}: {}", masked(mobile), text);
    }

    static String masked(String mobile) {
        if (mobile == null || mobile.length() < 7) {
            return "***";
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
