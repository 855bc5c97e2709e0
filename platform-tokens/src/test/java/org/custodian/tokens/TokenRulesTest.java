package org.custodian.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodian.tokens.Tokens.NOW;
import static org.custodian.tokens.Tokens.token;

import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class TokenRulesTest {

    private final TokenRules rules = new TokenRules(Duration.ofHours(12), 30);

    @Test
    void anOrdinaryTokenPasses() {
        assertThatCode(() -> rules.check(token(c -> {}), NOW)).doesNotThrowAnyException();
    }

    @Test
    void aLifetimeOfTwelveHoursIsTheMost() {
        assertThatCode(() ->
                        rules.check(token(c -> c.setExpirationTime(NumericDate.fromSeconds(NOW + 12 * 3600))), NOW))
                .doesNotThrowAnyException();
        refused(c -> c.setExpirationTime(NumericDate.fromSeconds(NOW + 12 * 3600 + 1)), "lifetime");
        long year3000 = ZonedDateTime.of(3000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
        refused(c -> c.setExpirationTime(NumericDate.fromSeconds(year3000)), "lifetime");
    }

    @Test
    void theCapIsConfigurable() {
        TokenRules hour = new TokenRules(Duration.ofHours(1), 30);
        assertThatThrownBy(() -> hour.check(token(c -> c.setExpirationTime(NumericDate.fromSeconds(NOW + 3601))), NOW))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void aTokenWithoutIatOrIssuedInTheFutureIsRefused() {
        refused(c -> c.unsetClaim("iat"), "iat");
        refused(
                c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(NOW + 3600));
                    c.setExpirationTime(NumericDate.fromSeconds(NOW + 7200));
                },
                "future");
        assertThatCode(() -> rules.check(token(c -> c.setIssuedAt(NumericDate.fromSeconds(NOW + 30))), NOW))
                .as("within the clock skew")
                .doesNotThrowAnyException();
    }

    @Test
    void aSubjectThatCouldNotNameAnyoneIsRefused() {
        refused(c -> c.setSubject(""), "sub");
        refused(c -> c.unsetClaim("sub"), "sub");
        refused(c -> c.setSubject("mallory\r\nX-Injected: 1"), "sub");
        refused(c -> c.setSubject("../guardians/G-1"), "sub");
        refused(c -> c.setSubject("G-17\\..\\x"), "sub");
        refused(c -> c.setSubject(".."), "sub");
        refused(c -> c.setSubject("G-17%2F.."), "sub");
        refused(c -> c.setSubject("G-\u202e71"), "sub");
        refused(c -> c.setSubject("x".repeat(256)), "sub");
    }

    @Test
    void theSubjectsCustodianUsesAreAccepted() {
        for (String sub : new String[] {
            "G-17",
            "DEMO-G04A",
            "service:sar-service",
            "dev-dpo",
            "parent@example.org",
            "auth0|5f7c8ec7c33c6c004bbafe82",
            "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
            "Zoë",
            "x".repeat(255)
        }) {
            assertThat(TokenRules.acceptsSubject(sub)).as(sub).isTrue();
        }
    }

    @Property
    void aSubjectWithAControlOrPathCharacterIsNeverAccepted(
            @ForAll("ordinary") String before, @ForAll("forbidden") char bad, @ForAll("ordinary") String after) {
        assertThat(TokenRules.acceptsSubject(before + bad + after)).isFalse();
    }

    @Property
    void aSubjectOfOrdinaryCharactersIsAccepted(@ForAll("ordinary") String sub) {
        assertThat(TokenRules.acceptsSubject("G" + sub)).isTrue();
    }

    @Test
    void aSchoolsClaimThatIsNotAnArrayOfStringsIsRefused() {
        refused(c -> c.setClaim("schools", "100001"), "schools");
        refused(c -> c.setClaim("schools", 100001), "schools");
    }

    @Provide
    Arbitrary<String> ordinary() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars('-', '_', '.', ':', '@', '|', '+')
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<Character> forbidden() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001f'),
                Arbitraries.chars().range('\u007f', '\u009f'),
                Arbitraries.of('/', '\\', '?', '#', '%', ' ', '\t', '\u00a0', '\u2028', '\u200b', '\u202e', '\ufeff'));
    }

    private void refused(Consumer<org.jose4j.jwt.JwtClaims> change, String why) {
        assertThatThrownBy(() -> rules.check(token(change), NOW))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining(why);
    }
}
