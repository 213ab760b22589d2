package org.duban.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.duban.support.Browser;
import org.duban.support.ChromiumCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The main screens in a real browser: sign-in, the layout with the user's unit and roles, what a clerk must not see. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ChromiumCondition.class)
class MainScreensBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void adminSignsInAndSeesTheAdminScreens() {
        try (Browser browser = new Browser(port)) {
            browser.open("login");
            browser.screenshot("login");
            browser.signInAs("admin");
            assertThat(browser.text()).contains("首页");
            browser.screenshot("home-admin");

            browser.open("admin/units");
            assertThat(browser.text()).contains("单位管理", "市科技局");
            assertThat(Files.exists(browser.screenshot("admin-units"))).isTrue();
            browser.open("admin/users");
            assertThat(browser.text()).contains("用户管理");
            browser.screenshot("admin-users");
            browser.open("admin/calendar");
            assertThat(browser.text()).contains("工作日历");
            browser.screenshot("admin-calendar");
        }
    }

    @Test
    void aCountyClerkSeesItsUnitAndNoAdministration() {
        try (Browser browser = new Browser(port)) {
            browser.signInAs("caoxian.clerk");
            assertThat(browser.text()).contains("曹县").doesNotContain("单位管理", "用户管理");
            browser.screenshot("home-clerk");

            browser.open("admin/users");
            assertThat(browser.text()).doesNotContain("新建用户", "kjj.reviewer");
        }
    }
}
