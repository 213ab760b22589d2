package org.duban.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests when Debian's Chromium and ChromeDriver are installed. Without them the tests are skipped with a
 * message saying how to install them, except under {@code CI=true}, where their absence is a failure.
 */
public class ChromiumCondition implements ExecutionCondition {

    public static final Path CHROMIUM = Path.of(System.getProperty("duban.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("duban.test.chromedriver", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
        }
        String how = "Chromium or ChromeDriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): install them with `apt-get install -y chromium chromium-driver` (.ci/run does).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires the browser tests: " + how);
        }
        return ConditionEvaluationResult.disabled("Skipped: " + how);
    }
}
