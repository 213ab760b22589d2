package org.duban.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.support.RenderedViews;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The plan import screen as the server renders it: in Chinese for the admin, refused (and off the menu) for a clerk. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenderedPlanImportViewTest {

    @LocalServerPort
    int port;

    @Test
    void adminGetsTheUploadWithItsLimitsInChinese() throws Exception {
        String view = RenderedViews.render(port, "admin", "admin/plans/import");

        assertThat(view).contains("\"导入重点工作计划\"", "确认之前不会保存任何内容", "选择文件（.txt、.docx）",
                "plan-import-upload", "\".txt,.docx\"", "5242880");
        assertThat(view).contains("计划导入"); // its menu entry
        assertThat(view).doesNotContain("!imports.", "!admin.");
    }

    @Test
    void clerksAreRefusedTheScreenAndTheMenuEntry() throws Exception {
        String refused = RenderedViews.render(port, "caoxian.clerk", "admin/plans/import");
        assertThat(refused).contains("Could not navigate to 'admin/plans/import'")
                .doesNotContain("导入重点工作计划", "plan-import-upload");
        String home = RenderedViews.render(port, "caoxian.clerk", "");
        assertThat(home).contains("曹县 陈经办").doesNotContain("计划导入");
    }
}
