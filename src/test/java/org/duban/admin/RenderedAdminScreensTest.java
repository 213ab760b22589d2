package org.duban.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.support.RenderedViews;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The admin screens rendered by the real server, without a browser: sign in through the login form, open a Vaadin UI
 * and navigate it the way the client does, then read what the server sends for the view. Proves the views build,
 * every admin string has a translation, the grids fill from the services, and non-admins get no admin screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenderedAdminScreensTest {

    @LocalServerPort
    int port;

    @Test
    void unitsScreenListsTheRegistryInChinese() throws Exception {
        String view = RenderedViews.render(port, "admin", "admin/units");

        assertThat(view).contains("\"单位管理\"", "新建单位", "代码、名称或别名", "全部类型", "市直部门");
        assertThat(view).contains("\"col0\":\"KJJ\",\"col1\":\"市科技局\"", "市科学技术局");
        assertThat(view).doesNotContain("!admin.");
    }

    @Test
    void usersScreenLoadsTheFirstPageLazily() throws Exception {
        String view = RenderedViews.render(port, "admin", "admin/users");

        assertThat(view).contains("\"用户管理\"", "新建用户", "用户名或姓名", "全部角色", "全部单位");
        assertThat(view).contains("kjj.reviewer", "市科技局 李审核", "牵头审核");
        assertThat(view).doesNotContain("!admin.", "!role.");
    }

    @Test
    void calendarScreenShowsTheYearAndTheAddRow() throws Exception {
        String view = RenderedViews.render(port, "admin", "admin/calendar");

        assertThat(view).contains("\"工作日历\"", "导入全年", "节假日", "调休上班", "年度");
        assertThat(view).doesNotContain("!admin.");
    }

    @Test
    void nonAdminsGetNeitherTheScreensNorTheMenuEntries() throws Exception {
        for (String route : new String[] {"admin/units", "admin/users", "admin/calendar"}) {
            String refused = RenderedViews.render(port, "caoxian.clerk", route);
            assertThat(refused).contains("Could not navigate to '" + route + "'")
                    .doesNotContain("新建单位", "新建用户", "导入全年", "市科学技术局", "kjj.reviewer");
        }
        String home = RenderedViews.render(port, "caoxian.clerk", "");
        assertThat(home).contains("曹县 陈经办", "首页").doesNotContain("单位管理", "用户管理", "工作日历");
    }
}
