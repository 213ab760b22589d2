package org.duban.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind's text, as written in {@code notify/<kind>.txt} (format in {@code notify/README.md}): headers
 * {@code subject}, {@code title}, {@code summary} and, for kinds sent by SMS, {@code sms}; a blank line; the e-mail
 * body. {@code {name}} is a placeholder; {@code [...]} is an optional part, left out when a placeholder in it has no
 * value, and a body line that is only optional parts disappears with them.
 */
final class NotificationTemplate {

    static final Set<String> PLACEHOLDERS = Set.of("recipient", "taskCode", "taskTitle", "unitName", "cycle",
            "reason", "dueDate", "actor", "link");
    private static final Set<String> HEADERS = Set.of("subject", "title", "summary", "sms");
    private static final Pattern PART = Pattern.compile("\\[([^\\[\\]]*)]|\\{(\\w+)}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Map<String, String> headers;
    private final List<String> bodyLines;

    private NotificationTemplate(Map<String, String> headers, List<String> bodyLines) {
        this.headers = headers;
        this.bodyLines = bodyLines;
    }

    static NotificationTemplate parse(String name, String text, boolean withSms) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        int i = 0;
        while (i < lines.size() && lines.get(i).startsWith("#")) {
            i++;
        }
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            String key = colon < 0 ? line : line.substring(0, colon).trim();
            if (colon < 0 || !HEADERS.contains(key)) {
                throw invalid(name, "unknown header line: " + line);
            }
            headers.put(key, line.substring(colon + 1).trim());
        }
        List<String> body = new ArrayList<>(lines.subList(Math.min(i + 1, lines.size()), lines.size()));
        while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
        }
        for (String required : List.of("subject", "title", "summary")) {
            if (!headers.containsKey(required)) {
                throw invalid(name, "missing header " + required);
            }
        }
        if (withSms != headers.containsKey("sms")) {
            throw invalid(name, withSms ? "missing header sms" : "sms is only for kinds sent by SMS");
        }
        if (body.isEmpty()) {
            throw invalid(name, "no body after the headers and a blank line");
        }
        NotificationTemplate template = new NotificationTemplate(headers, List.copyOf(body));
        template.checkPlaceholders(name);
        return template;
    }

    RenderedNotification render(Map<String, String> values) {
        StringBuilder body = new StringBuilder();
        for (String line : bodyLines) {
            String filled = fill(line, values);
            boolean onlyOptionalPartsLeftOut = line.contains("[") && filled.isBlank();
            if (!onlyOptionalPartsLeftOut) {
                body.append(filled).append('\n');
            }
        }
        return new RenderedNotification(header("subject", values), header("title", values),
                header("summary", values), headers.containsKey("sms") ? header("sms", values) : null,
                body.toString());
    }

    private String header(String key, Map<String, String> values) {
        return fill(headers.get(key), values).strip();
    }

    /** One pass over the template text, so a value that happens to contain braces is never filled in again. */
    private static String fill(String text, Map<String, String> values) {
        Matcher part = PART.matcher(text);
        StringBuilder out = new StringBuilder();
        while (part.find()) {
            String optional = part.group(1);
            String filled = optional == null ? valueOf(part.group(2), values)
                    : allPresent(optional, values) ? fill(optional, values) : "";
            part.appendReplacement(out, Matcher.quoteReplacement(filled));
        }
        part.appendTail(out);
        return out.toString();
    }

    private static boolean allPresent(String optional, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(optional);
        while (placeholder.find()) {
            if (valueOf(placeholder.group(1), values).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String valueOf(String name, Map<String, String> values) {
        String value = values.get(name);
        return value == null || value.isBlank() ? "" : value;
    }

    private void checkPlaceholders(String name) {
        List<String> texts = new ArrayList<>(headers.values());
        texts.addAll(bodyLines);
        for (String text : texts) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                    throw invalid(name, "unknown placeholder {" + placeholder.group(1) + "}");
                }
            }
            if (text.replaceAll("\\[[^\\[\\]]*]", "").matches(".*[\\[\\]].*")) {
                throw invalid(name, "unbalanced or nested [ ] in: " + text);
            }
        }
    }

    private static IllegalStateException invalid(String name, String problem) {
        return new IllegalStateException("Notification template " + name + ": " + problem);
    }
}
