package org.duban.notify;

/** A notification's text for one recipient: e-mail subject and body, in-app title and summary, SMS text (or null). */
record RenderedNotification(String subject, String title, String summary, String sms, String body) {
}
