package org.custodian.gateway.security.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

    @Test
    void literalsStarsAndATrailingDoubleStar() {
        PathPattern pupils = PathPattern.parse("schools/*/pupils/**");
        assertThat(pupils.matches(split("schools/100001/pupils"))).isTrue();
        assertThat(pupils.matches(split("schools/100001/pupils/P1/consents"))).isTrue();
        assertThat(pupils.matches(split("schools/100001/guardians"))).isFalse();
        assertThat(pupils.matches(split("schools/100001"))).isFalse();
        PathPattern profile = PathPattern.parse("schools/*");
        assertThat(profile.matches(split("schools/100001"))).isTrue();
        assertThat(profile.matches(split("schools/100001/pupils"))).isFalse();
        assertThat(profile.matches(split("schools"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "schools//pupils", "schools/**/pupils", "schools/pu*", "/schools/*"})
    void malformedPatternsAreRefused(String pattern) {
        assertThatThrownBy(() -> PathPattern.parse(pattern)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreSpecificPatternsSortFirst() {
        List<String> sorted = Stream.of(
                        "schools/*/recipients/**",
                        "schools/**",
                        "schools/*/recipients/*/webhook-endpoints/**",
                        "schools/100001/recipients/**")
                .map(PathPattern::parse)
                .sorted()
                .map(PathPattern::toString)
                .toList();
        assertThat(sorted)
                .containsExactly(
                        "schools/100001/recipients/**",
                        "schools/*/recipients/*/webhook-endpoints/**",
                        "schools/*/recipients/**",
                        "schools/**");
    }

    private static String[] split(String path) {
        return path.split("/", -1);
    }
}
