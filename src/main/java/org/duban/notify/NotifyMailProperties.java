package org.duban.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code duban.mail.*}. The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param enabled whether notifications go out by e-mail at all; off unless configured
 * @param from    sender address of every notification mail
 * @param baseUrl the address users open Duban at (e.g. {@code https://duban.example.gov.cn}); when set, mails carry a
 *                link to the item, otherwise they carry none
 */
@ConfigurationProperties("duban.mail")
public record NotifyMailProperties(@DefaultValue("false") boolean enabled,
        @DefaultValue("duban@localhost") String from, String baseUrl) {

    String absolute(String route) {
        if (route == null || route.isBlank() || baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        return baseUrl.replaceAll("/+$", "") + "/" + route.replaceAll("^/+", "");
    }
}
