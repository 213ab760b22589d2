package org.duban.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.review.ReviewService;
import org.duban.review.ReviewTestSteps;
import org.duban.support.RenderedViews;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The main screens after the header's switch to English: English strings, none of the Chinese UI strings the same
 * screen shows in Chinese, and no "!key" marker of a missing translation. (The data — task titles, unit names, the
 * Camunda Forms' own labels, which have no second language — is written in Chinese and stays so.) Works on
 * 巨野县's report on task 4, which only this test brings to 市科技局's review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EnglishScreensTest extends WorkflowTestSupport {

    private static final Pattern MISSING_KEY = Pattern.compile("\"![a-z]+\\.[A-Za-z0-9.]+");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    @LocalServerPort
    int port;

    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;

    ProgressReport waiting;
    String reviewTaskId;

    @BeforeEach
    void aReportAwaitsKjjReview() {
        openCycle("2023Q2");
        ReviewTestSteps steps = new ReviewTestSteps(reportService, reviewService, taskService, reports, tx);
        waiting = report(4, "JUYE", "2023Q2");
        if (steps.status(waiting).isEditableByClerk()) {
            steps.submitToReview(waiting, "巨野县：基础研究项目申报3项", 40, null);
        }
        reviewTaskId = steps.taskId(waiting, "reviewReport");
    }

    @Test
    void theLanguageSwitchTurnsTheHeaderEnglish() throws Exception {
        RenderedViews.Session session = RenderedViews.signIn(port, "yuncheng.clerk");
        assertThat(session.render("inbox")).contains("\"我的待办\"");
        String english = session.useEnglish().render("inbox");
        assertThat(english).contains("\"Inbox\"").doesNotContain("\"我的待办\"");
    }

    @Test
    void clerksInboxAndReportFormInEnglish() throws Exception {
        ProgressReport draft = report(4, "SHANXIAN", "2023Q2");
        english("shanxian.clerk", "inbox", "Inbox", "Step", "Claim", "Open", "Fill in the progress report");
        english("shanxian.clerk", "report/" + draft.getId(), "Unit: 单县", "Save draft", "Submit", "Back to inbox");
    }

    @Test
    void reviewerScreensTaskDetailAndLedgerInEnglish() throws Exception {
        english("kjj.reviewer", "review", "Reports awaiting our review", "Approve selected",
                waiting.getBusinessKey());
        english("kjj.reviewer", "review/" + reviewTaskId, "Approve", "Indicators: target and reported actuals",
                "巨野县：基础研究项目申报3项");
        english("kjj.reviewer", "keytask/4?plan=" + seedPlan().getId(), "Task 4:", "Indicators and progress",
                "Timeline", "process-diagram");
        english("supervisor", "ledger", "Key task ledger", "Supervision office: all tasks", "Cycle");
    }

    /**
     * Renders the route in Chinese and in English for the user; the English one must hold {@code expected}, no
     * missing-key marker, and none of the bundle's Chinese strings that the Chinese rendering shows.
     */
    private void english(String user, String route, String... expected) throws Exception {
        String chinese = RenderedViews.render(port, user, route);
        String english = RenderedViews.signIn(port, user).useEnglish().render(route);

        assertThat(english).as("%s in English", route).contains(expected);
        assertThat(MISSING_KEY.matcher(english).find()).as("missing translation on %s: %s", route,
                MISSING_KEY.matcher(english).results().map(MatchResult::group).toList()).isFalse();
        List<String> shownInChinese = new ArrayList<>();
        for (String text : chineseUiStrings()) {
            if (chinese.contains("\"" + text + "\"")) {
                shownInChinese.add(text);
            }
        }
        assertThat(shownInChinese).as("Chinese UI strings on %s", route).isNotEmpty();
        for (String text : shownInChinese) {
            assertThat(english).as("%s leaks into English on %s", text, route).doesNotContain("\"" + text + "\"");
        }
    }

    /**
     * Every Chinese bundle value without parameters: what a Chinese screen shows as a whole string. Values that are
     * also a label in a Camunda Form (下步打算, …) are left out: the form's own label is data and stays Chinese.
     */
    private static Set<String> chineseUiStrings() throws IOException {
        String forms;
        try (Stream<Path> files = Files.list(Path.of("bpmn/forms"))) {
            StringBuilder all = new StringBuilder();
            for (Path form : files.toList()) {
                all.append(Files.readString(form));
            }
            forms = all.toString();
        }
        Set<String> texts = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("_zh_CN.properties")).toList()) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                for (String key : properties.stringPropertyNames()) {
                    String value = properties.getProperty(key);
                    if (!value.contains("{") && CJK.matcher(value).find() && !forms.contains("\"" + value + "\"")) {
                        texts.add(value);
                    }
                }
            }
        }
        return texts;
    }
}
