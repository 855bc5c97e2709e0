package org.custodian.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.custodian.platform.problems.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    private static int statusOf(Runnable check) {
        try {
            check.run();
            return 200;
        } catch (ProblemException e) {
            return e.problem().status();
        }
    }

    @Test
    void theCurrentVersionMatches() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
        assertThatCode(() -> ETags.requireMatch("\"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"6\", \"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("*", 7)).doesNotThrowAnyException();
    }

    @Test
    void aMissingIfMatchIs428AndAStaleOneIs412() {
        assertThat(statusOf(() -> ETags.requireMatch(null, 3))).isEqualTo(428);
        assertThat(statusOf(() -> ETags.requireMatch(" ", 3))).isEqualTo(428);
        assertThat(statusOf(() -> ETags.requireMatch("\"2\"", 3))).isEqualTo(412);
        assertThat(statusOf(() -> ETags.requireMatch("W/\"3\"", 3)))
                .as("weak tags never match")
                .isEqualTo(412);
        assertThatThrownBy(() -> ETags.requireMatch("3", 3)).as("unquoted").isInstanceOf(ProblemException.class);
    }

    @Property
    void onlyTheSameVersionMatches(
            @ForAll @LongRange(min = 0, max = 1_000_000) long sent,
            @ForAll @LongRange(min = 0, max = 1_000_000) long current) {
        assertThat(statusOf(() -> ETags.requireMatch(ETags.of(sent), current))).isEqualTo(sent == current ? 200 : 412);
    }
}
