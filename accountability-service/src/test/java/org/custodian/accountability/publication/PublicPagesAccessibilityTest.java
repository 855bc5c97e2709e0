package org.custodian.accountability.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.custodian.accountability.AccountabilityTest;
import org.custodian.accountability.testing.AccountabilitySchool;
import org.junit.jupiter.api.Test;

/**
 * The public pages through axe-core (WCAG 2.0–2.2 A and AA, and best practice) in a real headless Chromium: Debian's
 * {@code chromium} driven by {@code src/test/a11y/check.mjs} (playwright-core). {@code .ci/run} installs Chromium where
 * it is missing; the npm packages are installed here on first use from the lock file.
 */
@AccountabilityTest
class PublicPagesAccessibilityTest {

    private static final Path CHECKER = Path.of("src/test/a11y");

    @Test
    void theNoticesAndTheScheduleHaveNoAccessibilityViolations() throws Exception {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        school.recipient("r-wonde", "Wonde", "PROCESSOR", "EDTECH", 1);
        school.agreement("a-us", "r-wonde", "Backups & <archive>", List.of("IDENTITY"), "PUBLIC_TASK", "US", 1);
        school.awaitFact("AGREEMENT", "a-us", 1);
        school.as("dpo")
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "introduction",
                        "Our notice.\n\nA second paragraph.",
                        "localExplanations",
                        Map.of("recipients", "We review partners every July.")))
                .put(school.notice("/draft"))
                .then()
                .statusCode(200);
        school.publish();
        String base = "http://localhost:" + RestAssured.port + "/public/v1/schools/" + school.urn;

        Result result =
                check(base + "/privacy-notice", base + "/privacy-notice/for-pupils", base + "/retention-schedule");

        assertThat(result.output()).as("axe's report").contains("\"passes\"");
        assertThat(result.output().lines().filter(l -> l.contains("\"violations\":[]")))
                .as("pages without violations, in %s", result.output())
                .hasSize(3);
        assertThat(result.exit()).as(result.output()).isZero();
    }

    record Result(int exit, String output) {}

    private static Result check(String... urls) throws IOException, InterruptedException {
        if (!Files.isDirectory(CHECKER.resolve("node_modules"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
            assertThat(install.exit())
                    .as("npm ci in %s: %s", CHECKER, install.output())
                    .isZero();
        }
        List<String> command = new ArrayList<>(List.of("node", "check.mjs"));
        command.addAll(List.of(urls));
        return run(command);
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(CHECKER.toFile())
                .redirectErrorStream(true)
                .start();
        boolean done = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
