package org.duban.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duban.inbox.AttachmentRejectedException;
import org.duban.inbox.InboxFilter;
import org.duban.reporting.ReportStatus;
import org.junit.jupiter.api.Test;

/** The work screens' strings: both languages hold the same keys, and every key the screens use exists. */
class WorkBundlesTest {

    private static final Pattern KEY = Pattern.compile("\"(work\\.[A-Za-z.]+[A-Za-z])\"");

    @Test
    void chineseAndEnglishHoldTheSameKeys() throws IOException {
        assertThat(load("i18n/work_zh_CN.properties").stringPropertyNames())
                .isEqualTo(load("i18n/work.properties").stringPropertyNames());
    }

    @Test
    void everyKeyTheScreensUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        // the work screens, the generic task form, and the facts its service labels
        for (String dir : new String[] {"src/main/java/org/duban/ui/work", "src/main/java/org/duban/ui/form"}) {
            try (Stream<Path> sources = Files.list(Path.of(dir))) {
                for (Path source : sources.toList()) {
                    collect(Files.readString(source), used);
                }
            }
        }
        collect(Files.readString(Path.of("src/main/java/org/duban/inbox/TaskFormService.java")), used);
        assertThat(used).contains("work.taskForm.complete", "work.taskForm.fact.problem", "work.submitted.title");
        for (ReportStatus s : ReportStatus.values()) {
            used.add("work.status." + s.name());
        }
        for (InboxFilter.Scope s : InboxFilter.Scope.values()) {
            used.add("work.scope." + s.name());
        }
        for (InboxFilter.Flag f : InboxFilter.Flag.values()) {
            used.add("work.flag." + f.name());
        }
        for (AttachmentRejectedException.Reason r : AttachmentRejectedException.Reason.values()) {
            used.add("work.attachment.rejected." + r.name());
        }
        for (String count : new String[] {"total", "mine", "claimable", "overdue", "dueSoon", "returned"}) {
            used.add("work.count." + count);
        }
        assertThat(used).hasSizeGreaterThan(60);
        assertThat(load("i18n/work_zh_CN.properties").stringPropertyNames()).containsAll(used);
    }

    private static void collect(String source, Set<String> used) {
        Matcher m = KEY.matcher(source);
        while (m.find()) {
            used.add(m.group(1));
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WorkBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
