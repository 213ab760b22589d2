package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.support.RenderedViews;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The process screen as the real server renders it: built, translated, filled from the service, admins only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenderedProcessesScreenTest {

    @LocalServerPort
    int port;

    @Test
    void adminsSeeTheDeployedProcessesWithTheirVersionsInChinese() throws Exception {
        String view = RenderedViews.render(port, "admin", "admin/processes");

        assertThat(view).contains("\"流程、决策与表单\"", "上传新版本", "运行中实例", "当前服务", "决策", "表单");
        assertThat(view).contains("\"col0\":\"coordinationRequest\"", "\"col0\":\"keyTaskSupervision\"",
                "单位进展报送");
        assertThat(view).doesNotContain("!process.", "!app.");
        assertThat(RenderedViews.render(port, "admin", "")).contains("流程管理");
    }

    @Test
    void othersGetNeitherTheScreenNorTheMenuEntry() throws Exception {
        String refused = RenderedViews.render(port, "supervisor", "admin/processes");
        assertThat(refused).contains("Could not navigate to 'admin/processes'").doesNotContain("上传新版本",
                "keyTaskSupervision");
        assertThat(RenderedViews.render(port, "supervisor", "")).doesNotContain("流程管理");
    }
}
