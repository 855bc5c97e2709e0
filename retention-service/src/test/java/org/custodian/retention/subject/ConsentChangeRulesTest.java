package org.custodian.retention.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.platform.events.EventTypes;
import org.custodian.retention.subject.ConsentChangeRules.Kind;
import org.junit.jupiter.api.Test;

/** What a consent event does to records held by consent: worked examples and properties. */
class ConsentChangeRulesTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 9);

    @Test
    void aRefusalEndsConsent() {
        // issue 24: before, consent.refused was ignored, so photographs taken on a consent never given were kept
        ConsentChangeRules.Change refused = ConsentChangeRules.of(EventTypes.CONSENT_REFUSED, "REFUSED", DAY);
        assertThat(refused.kind()).isEqualTo(Kind.ENDED);
        assertThat(refused.on()).isEqualTo(DAY);
        assertThat(refused.how()).isEqualTo("REFUSED");
    }

    @Test
    void anExpiryEndsConsentTheDayAfterItsLastValidDay() {
        // issue 24: before, consent.expired was ignored
        LocalDate validUntil = LocalDate.of(2026, 8, 31);
        LocalDate on = ConsentChangeRules.expiredOn(validUntil, LocalDate.of(2026, 9, 1));
        assertThat(on).isEqualTo(LocalDate.of(2026, 9, 1));
        ConsentChangeRules.Change expired = ConsentChangeRules.of(EventTypes.CONSENT_EXPIRED, "EXPIRED", on);
        assertThat(expired.kind()).isEqualTo(Kind.ENDED);
        assertThat(expired.how()).isEqualTo("EXPIRED");
        // the recheck job may run a few days late: the consent still ended on 1 September
        assertThat(ConsentChangeRules.expiredOn(validUntil, LocalDate.of(2026, 9, 4)))
                .isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(ConsentChangeRules.expiredOn(null, LocalDate.of(2026, 9, 4))).isEqualTo(LocalDate.of(2026, 9, 4));
    }

    @Test
    void theEffectiveStatusDecidesNotTheType() {
        // one parent refused, but another's grant still counts under the school's conflict policy: nothing ends
        assertThat(ConsentChangeRules.of(EventTypes.CONSENT_REFUSED, "GRANTED", DAY)
                        .kind())
                .isEqualTo(Kind.GIVEN);
        // a grant that does not count (the other parent refused, and refusal wins): consent is not current
        assertThat(ConsentChangeRules.of(EventTypes.CONSENT_GRANTED, "REFUSED", DAY)
                        .kind())
                .isEqualTo(Kind.ENDED);
        // a rewording that needs consent again: the old consent no longer counts
        assertThat(ConsentChangeRules.of(EventTypes.CONSENT_WITHDRAWN, "RENEWAL_NEEDED", DAY)
                        .how())
                .isEqualTo("RENEWAL_NEEDED");
        assertThat(ConsentChangeRules.of(EventTypes.PURPOSE_REWORDED, "REFUSED", DAY)
                        .kind())
                .isEqualTo(Kind.NONE);
    }

    @Test
    void withoutAStatusTheTypeSays() {
        assertThat(ConsentChangeRules.of(EventTypes.CONSENT_EXPIRED, null, DAY).how())
                .isEqualTo("EXPIRED");
        assertThat(ConsentChangeRules.of(EventTypes.CONSENT_GRANTED, null, DAY).kind())
                .isEqualTo(Kind.NONE);
    }

    @Test
    void aStatusThisServiceDoesNotKnowEndsConsentAsAnExpiry() {
        // not a grant, so consent cannot be taken to count; and no refusal or withdrawal is attributed to anyone
        ConsentChangeRules.Change unknown = ConsentChangeRules.of(EventTypes.CONSENT_WITHDRAWN, "SUSPENDED", DAY);
        assertThat(unknown.kind()).isEqualTo(Kind.ENDED);
        assertThat(unknown.on()).isEqualTo(DAY);
        assertThat(unknown.how()).isEqualTo("EXPIRED");
        assertThat(ConsentChangeRules.of(EventTypes.CONSENT_REFUSED, "granted", DAY)
                        .how())
                .isEqualTo("EXPIRED");
        // a status the kernel's ConsentEvents names is kept as it came
        assertThat(ConsentChangeRules.of(EventTypes.CONSENT_GRANTED, "NOTIFICATION_NEEDED", DAY)
                        .how())
                .isEqualTo("NOTIFICATION_NEEDED");
    }

    @Test
    void onlyTheFourConsentDecisionTypesMoveRecords() {
        assertThat(ConsentChangeRules.TYPES)
                .containsExactlyInAnyOrder(
                        EventTypes.CONSENT_GRANTED,
                        EventTypes.CONSENT_REFUSED,
                        EventTypes.CONSENT_WITHDRAWN,
                        EventTypes.CONSENT_EXPIRED);
        assertThat(ConsentChangeRules.of(EventTypes.CONSENT_REFUSED, null, DAY).how())
                .isEqualTo("REFUSED");
        assertThat(ConsentChangeRules.of(EventTypes.CONSENT_WITHDRAWN, " ", DAY).how())
                .isEqualTo("WITHDRAWN");
        assertThat(ConsentChangeRules.of(EventTypes.BIOMETRIC_TEMPLATE_DELETION_REQUESTED, "WITHDRAWN", DAY)
                        .kind())
                .isEqualTo(Kind.NONE);
    }

    @Provide
    Arbitrary<String> consentTypes() {
        return Arbitraries.of(
                EventTypes.CONSENT_GRANTED,
                EventTypes.CONSENT_REFUSED,
                EventTypes.CONSENT_WITHDRAWN,
                EventTypes.CONSENT_EXPIRED);
    }

    @Provide
    Arbitrary<String> notGranted() {
        return Arbitraries.of("REFUSED", "WITHDRAWN", "EXPIRED", "RENEWAL_NEEDED", "NOT_ASKED", "NOTIFICATION_NEEDED");
    }

    @Provide
    Arbitrary<String> unknownStatuses() {
        return Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(20)
                .filter(s -> !s.isBlank())
                .filter(s -> !s.equals("GRANTED"))
                .filter(s -> !List.of(
                                "REFUSED", "WITHDRAWN", "EXPIRED", "RENEWAL_NEEDED", "NOT_ASKED", "NOTIFICATION_NEEDED")
                        .contains(s));
    }

    /** Whatever the consent event, a status nobody defined ends consent on the day, as an expiry. */
    @Property
    void anUnknownStatusEndsConsentAsAnExpiry(
            @ForAll("consentTypes") String type, @ForAll("unknownStatuses") String status) {
        ConsentChangeRules.Change change = ConsentChangeRules.of(type, status, DAY);
        assertThat(change.kind()).isEqualTo(Kind.ENDED);
        assertThat(change.on()).isEqualTo(DAY);
        assertThat(change.how()).isEqualTo("EXPIRED");
    }

    /** Whatever the consent event, a status other than GRANTED ends consent on the day, and GRANTED gives it back. */
    @Property
    void anyStatusButGrantedEndsConsentOnTheDay(
            @ForAll("consentTypes") String type, @ForAll("notGranted") String status) {
        ConsentChangeRules.Change change = ConsentChangeRules.of(type, status, DAY);
        assertThat(change.kind()).isEqualTo(Kind.ENDED);
        assertThat(change.on()).isEqualTo(DAY);
        assertThat(change.how()).isEqualTo(status);
        assertThat(ConsentChangeRules.of(type, "GRANTED", DAY).kind()).isEqualTo(Kind.GIVEN);
    }
}
