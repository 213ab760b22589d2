package org.duban.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The Chinese text of every kind, loaded from {@code classpath:notify/} once at start-up, so a missing or broken
 * template stops the application instead of the first notification of its kind.
 */
@Component
class NotificationTemplates {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Map<NotificationKind, NotificationTemplate> templates = new EnumMap<>(NotificationKind.class);
    private final NotifyMailProperties mail;

    NotificationTemplates(ResourceLoader resources, NotifyMailProperties mail) {
        this.mail = mail;
        for (NotificationKind kind : NotificationKind.values()) {
            String name = kind.templateName();
            templates.put(kind, NotificationTemplate.parse(name, read(resources.getResource("classpath:" + name)),
                    kind.sendsSms()));
        }
    }

    RenderedNotification render(NotificationKind kind, NotificationContent content, String actorName,
            String recipientName) {
        Map<String, String> values = new HashMap<>();
        values.put("recipient", recipientName);
        values.put("taskCode", content.taskCode());
        values.put("taskTitle", content.taskTitle());
        values.put("unitName", content.unitName());
        values.put("cycle", content.cycle());
        values.put("reason", content.reason());
        values.put("dueDate", content.dueDate() == null ? null : CHINESE_DATE.format(content.dueDate()));
        values.put("actor", actorName);
        values.put("link", mail.absolute(content.link()));
        return templates.get(kind).render(values);
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Notification template " + resource + " is missing", e);
        }
    }
}
