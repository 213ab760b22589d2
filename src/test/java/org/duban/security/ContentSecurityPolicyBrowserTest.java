package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import org.duban.support.Browser;
import org.duban.support.ChromiumCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Vaadin works under Duban's Content-Security-Policy in a real browser: the login form (which must send the CSRF
 * token from the page's meta tags, since POST /login is CSRF-checked) signs in, views render, and the browser reports
 * no policy violation. The control: the same page really enforces the policy, refusing a script from another origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ChromiumCondition.class)
class ContentSecurityPolicyBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void vaadinRendersUnderThePolicyAndThePolicyIsEnforced() {
        try (Browser browser = new Browser(port)) {
            browser.signInAs("admin");
            assertThat(browser.currentUrl()).doesNotContain("/login");
            browser.open("admin/users");
            assertThat(browser.text()).contains("用户管理", "kjj.reviewer");

            List<String> violations = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                    .toList();
            assertThat(violations).isEmpty();

            Object directive = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    document.addEventListener('securitypolicyviolation', e => done(e.effectiveDirective));
                    const script = document.createElement('script');
                    script.src = 'http://127.0.0.1:9/evil.js';
                    document.head.appendChild(script);
                    setTimeout(() => done('no violation'), 5000);
                    """);
            assertThat(String.valueOf(directive)).startsWith("script-src");
        }
    }
}
