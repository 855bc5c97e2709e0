package org.custodian.consent.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The receipt given for every decision, in the spirit of ISO/IEC TS 27560 and the Kantara consent receipt: who
 * decided what, about whom, to which wording, how, when, until when, and how to withdraw.
 */
public record ConsentReceipt(
        String receiptId,
        String receiptVersion,
        Instant issuedAt,
        Controller controller,
        Subject subject,
        GivenBy givenBy,
        PurposeShown purpose,
        List<String> dataCategories,
        Method method,
        String evidenceRef,
        LocalDate evidenceDate,
        Decision event,
        Instant eventTime,
        LocalDate validUntil,
        ConsentStatus effectiveStatus,
        String howToWithdraw,
        RecordedBy recordedBy) {

    public static final String VERSION = "custodian-consent-receipt/1";

    public record Controller(String name, String schoolUrn, String dpoName, String dpoEmail) {}

    public record Subject(String pupilId) {}

    public record GivenBy(Giver.Type type, String id, String relationship) {}

    public record PurposeShown(String code, String title, int version, String wording) {}

    public record RecordedBy(String actor, String role) {}
}
