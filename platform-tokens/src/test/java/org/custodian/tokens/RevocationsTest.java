package org.custodian.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodian.tokens.Tokens.NOW;
import static org.custodian.tokens.Tokens.token;

import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class RevocationsTest {

    static final long REMEMBER = 12 * 3600 + 30;

    private final Revocations revocations = new Revocations(REMEMBER);

    @Test
    void nothingRevokedRefusesNothing() {
        assertThatCode(() -> revocations.check(token(c -> {}))).doesNotThrowAnyException();
    }

    @Test
    void aRevokedTokenIdIsRefusedAtItsSchool() throws Exception {
        revocations.apply(Revocation.ofTokenId("jti-1", "100001", Instant.ofEpochSecond(NOW + 60)));
        assertRefused(token(c -> {}));
        revocations.check(token(c -> c.setJwtId("jti-2")));
        revocations.check(token(c -> c.setClaim("schools", List.of("100002"))));
    }

    @Test
    void aTokenIdRevokedForEverySchoolIsRefusedWhateverItCovers() {
        revocations.apply(Revocation.ofTokenId("jti-1", null, Instant.ofEpochSecond(NOW + 60)));
        assertRefused(token(c -> c.setClaim("schools", List.of("100002"))));
        assertRefused(token(c -> c.unsetClaim("schools")));
    }

    @Test
    void aRevokedSubjectsTokensIssuedUpToTheRevocationAreRefusedAndLaterOnesAreNot() throws Exception {
        revocations.apply(Revocation.ofSubject("G-17", "100001", Instant.ofEpochSecond(NOW)));
        assertRefused(token(c -> c.setJwtId("any")));
        assertRefused(token(c -> c.setIssuedAt(NumericDate.fromSeconds(NOW - 3600))));
        revocations.check(token(c -> c.setIssuedAt(NumericDate.fromSeconds(NOW + 1))));
        revocations.check(token(c -> c.setSubject("G-18")));
        revocations.check(token(c -> c.setClaim("schools", List.of("100002"))));
        assertRefused(token(c -> c.setClaim("schools", List.of("100002", "100001"))));
    }

    @Test
    void aLaterRevocationOfTheSameSubjectReachesLaterTokens() throws Exception {
        revocations.apply(Revocation.ofSubject("G-17", "100001", Instant.ofEpochSecond(NOW + 100)));
        revocations.apply(Revocation.ofSubject("G-17", "100001", Instant.ofEpochSecond(NOW)));
        assertRefused(token(c -> c.setIssuedAt(NumericDate.fromSeconds(NOW + 50))));
    }

    @Test
    void aRevocationIsForgottenOnceEveryTokenItCouldRefuseHasExpired() throws Exception {
        revocations.apply(Revocation.ofSubject("G-17", null, Instant.ofEpochSecond(NOW)));
        revocations.apply(Revocation.ofTokenId("jti-1", null, Instant.ofEpochSecond(NOW)));
        revocations.forgetBefore(NOW + REMEMBER);
        assertThat(revocations.held()).isEqualTo(2);
        assertRefused(token(c -> {}));
        revocations.forgetBefore(NOW + REMEMBER + 1);
        assertThat(revocations.held()).isZero();
    }

    private void assertRefused(JsonWebToken token) {
        assertThatThrownBy(() -> revocations.check(token))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("revoked");
    }
}
