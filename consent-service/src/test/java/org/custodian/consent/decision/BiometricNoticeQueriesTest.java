package org.custodian.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.consent.decision.BiometricRules.NoticeOutcome;
import org.junit.jupiter.api.Test;

/** The status path reads only the latest notice per guardian, and only for the purposes it asks about. */
@ConsentTest
class BiometricNoticeQueriesTest {

    private static final String BIO = "BIOMETRIC_CATERING";

    @Inject
    BiometricQueries queries;

    private void notice(Fixture school, String guardian, NoticeOutcome outcome, Instant at) {
        QuarkusTransaction.requiringNew()
                .run(() -> queries.insert(
                        school.urn,
                        new BiometricQueries.Notice(
                                UUID.randomUUID().toString(),
                                "P1",
                                BIO,
                                guardian,
                                outcome,
                                LocalDate.of(2026, 11, 2),
                                null,
                                at,
                                "dpo-1")));
    }

    @Test
    void theLatestNoticePerGuardianCountsWhateverCameBefore() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        Instant t = Instant.parse("2026-11-02T09:00:00Z");
        notice(school, "MUM", NoticeOutcome.CANNOT_BE_FOUND, t);
        notice(school, "MUM", NoticeOutcome.NOTIFIED, t.plusSeconds(60));
        notice(school, "DAD", NoticeOutcome.NOTIFIED, t);
        notice(school, "DAD", NoticeOutcome.WELFARE, t.plusSeconds(120));

        Map<String, Map<String, NoticeOutcome>> latest =
                queries.latestNotices(school.urn, List.of("P1", "P2"), List.of(BIO));
        assertThat(latest)
                .containsOnlyKeys("P1\u0000" + BIO)
                .extractingByKey("P1\u0000" + BIO)
                .isEqualTo(Map.of("MUM", NoticeOutcome.NOTIFIED, "DAD", NoticeOutcome.WELFARE));
        assertThat(queries.latestNotices(school.urn, List.of("P1"), List.of("PHOTO_DISPLAY")))
                .as("no biometric purpose asked about: nothing read")
                .isEmpty();
    }
}
