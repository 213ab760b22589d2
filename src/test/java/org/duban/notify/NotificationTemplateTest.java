package org.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.DefaultResourceLoader;

/** The template format on its own, and every shipped template loaded the way the application loads it. */
class NotificationTemplateTest {

    private static final String TEMPLATE = """
            # a comment
            subject: 【督办】{taskCode}[（{cycle}）]
            title: {taskCode}
            summary: [{unitName}]任务 {taskCode}[，原因：{reason}]。

            {recipient}，您好：
            任务编号：{taskCode}
            [退回原因：{reason}]
            [详情：{link}]
            """;

    private static Map<String, String> values(String cycle, String reason) {
        Map<String, String> values = new HashMap<>();
        values.put("recipient", "曹县 陈经办");
        values.put("taskCode", "2023-T23");
        values.put("unitName", "曹县");
        values.put("cycle", cycle);
        values.put("reason", reason);
        return values;
    }

    @Test
    void optionalPartsAppearOnlyWithTheirValues() {
        NotificationTemplate template = NotificationTemplate.parse("t", TEMPLATE, false);

        RenderedNotification full = template.render(values("2023Q2", "数据不全"));
        assertThat(full.subject()).isEqualTo("【督办】2023-T23（2023Q2）");
        assertThat(full.summary()).isEqualTo("曹县任务 2023-T23，原因：数据不全。");
        assertThat(full.body()).isEqualTo("曹县 陈经办，您好：\n任务编号：2023-T23\n退回原因：数据不全\n");

        RenderedNotification bare = template.render(values(null, " "));
        assertThat(bare.subject()).isEqualTo("【督办】2023-T23");
        assertThat(bare.summary()).isEqualTo("曹县任务 2023-T23。");
        assertThat(bare.body()).as("lines of only missing optional parts disappear")
                .isEqualTo("曹县 陈经办，您好：\n任务编号：2023-T23\n");
        assertThat(bare.sms()).isNull();
    }

    @Test
    void valuesAreInsertedAsTheyAreAndNeverFilledAgain() {
        RenderedNotification text = NotificationTemplate.parse("t", TEMPLATE, false)
                .render(values("2023Q2", "见 {taskCode} 与 [附件] $1 \\"));
        assertThat(text.summary()).contains("原因：见 {taskCode} 与 [附件] $1 \\。");
    }

    @Test
    void brokenTemplatesAreRefused() {
        assertThatThrownBy(() -> NotificationTemplate.parse("t", TEMPLATE.replace("{recipient}", "{name}"), false))
                .hasMessageContaining("unknown placeholder {name}");
        assertThatThrownBy(() -> NotificationTemplate.parse("t", TEMPLATE, true))
                .hasMessageContaining("missing header sms");
        assertThatThrownBy(() -> NotificationTemplate.parse("t", TEMPLATE.replace("title: {taskCode}\n", ""), false))
                .hasMessageContaining("missing header title");
        assertThatThrownBy(() -> NotificationTemplate.parse("t", TEMPLATE.replace("[详情：{link}]", "[详情：[{link}]]"),
                false)).hasMessageContaining("nested");
        assertThatThrownBy(() -> NotificationTemplate.parse("t", "subject: a\ntitle: b\nsummary: c\n", false))
                .hasMessageContaining("no body");
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindHasAShippedTemplateThatRendersWithOnlyTheRequiredFacts(NotificationKind kind) {
        NotificationTemplates templates = new NotificationTemplates(new DefaultResourceLoader(),
                new NotifyMailProperties(false, "duban@localhost", null));

        RenderedNotification bare = templates.render(kind,
                new NotificationContent("2023-T23", "加快科技创新平台建设", null, null, null, null, null, null), "督办系统",
                "曹县 陈经办");
        assertThat(bare.subject()).startsWith("【督办】").contains("2023-T23", "加快科技创新平台建设")
                .doesNotContain("{", "[", "（）");
        assertThat(bare.title()).contains("2023-T23").doesNotContain("{", "[");
        assertThat(bare.summary()).contains("2023-T23").doesNotContain("{", "[", "null");
        assertThat(bare.body()).startsWith("曹县 陈经办，您好：").contains("任务编号：2023-T23")
                .doesNotContain("{", "[", "null", "详情");
        assertThat(bare.sms() != null).isEqualTo(kind.sendsSms());

        RenderedNotification full = templates.render(kind, new NotificationContent("2023-T23", "加快科技创新平台建设",
                "曹县", "2023Q2", "指标数据未填写完整", LocalDate.of(2023, 7, 10), "kjj.reviewer", "report/x"), "市科技局 李审核",
                "曹县 陈经办");
        assertThat(full.body()).as("no base URL configured, so no link").contains("曹县", "指标数据未填写完整")
                .doesNotContain("详情", "report/x");
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyShippedTemplateCopesWithNoFactsAtAll(NotificationKind kind) {
        NotificationTemplates templates = new NotificationTemplates(new DefaultResourceLoader(),
                new NotifyMailProperties(true, "duban@localhost", "https://duban.example"));

        RenderedNotification text = templates.render(kind,
                new NotificationContent(null, null, null, null, null, null, null, null), "督办系统", "曹县 陈经办");

        for (String part : new String[] {text.subject(), text.title(), text.summary(), text.body()}) {
            assertThat(part).isNotBlank().doesNotContain("{", "[", "null", "「」", "（）", "编号", "详情");
        }
    }

    @Test
    void linksInMailsAreAbsoluteOnlyWithABaseUrl() {
        assertThat(new NotifyMailProperties(true, "a@b", "https://duban.example/").absolute("/report/2023-T23"))
                .isEqualTo("https://duban.example/report/2023-T23");
        assertThat(new NotifyMailProperties(true, "a@b", null).absolute("report/2023-T23")).isNull();
        assertThat(new NotifyMailProperties(true, "a@b", "https://duban.example").absolute(null)).isNull();
    }

    @Test
    void smsLogMasksTheNumber() {
        assertThat(LoggingSmsSender.masked("13812345678")).isEqualTo("138****5678");
        assertThat(LoggingSmsSender.masked("12")).isEqualTo("***");
    }
}
