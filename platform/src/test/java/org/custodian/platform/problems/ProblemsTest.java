package org.custodian.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custodian.platform.problems.Problem.FieldError;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void statusProblemsHaveStableTypesAndTitles() {
        Problem problem = Problems.forStatus(404, "no pupil with that id");
        assertThat(problem.type()).isEqualTo("https://custodian.uk/problems/not-found");
        assertThat(problem.title()).isEqualTo("Not found");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(Problems.forStatus(418, null).type()).endsWith("/http-418");
    }

    @Test
    void validationProblemsListEveryField() {
        Problem one = Problems.validation(List.of(new FieldError("email", "must be an email address")));
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.detail()).isEqualTo("email: must be an email address");
        Problem two = Problems.validation(List.of(new FieldError("a", "x"), new FieldError("b", "y")));
        assertThat(two.detail()).isEqualTo("2 fields are invalid");
        assertThat(two.errors()).hasSize(2);
    }

    @Test
    void rateLimitAndUnauthorizedCarryTheirHeaders() {
        assertThat(Problems.tooManyRequests("slow down", 7).headers()).containsEntry("Retry-After", "7");
        assertThat(Problems.unauthorized("no token").headers()).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(Problems.notFound("x").problem().withInstance("/a").instance())
                .isEqualTo("/a");
    }
}
