package org.duban.notify;

/**
 * Sends one text message. Duban ships only {@link LoggingSmsSender}; a deployment with an SMS gateway provides its
 * own bean of this type, which replaces the logging one.
 */
public interface SmsSender {

    void send(String mobile, String text);
}
