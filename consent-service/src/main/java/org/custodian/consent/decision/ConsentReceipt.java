package org.custodian.consent.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(nullable = true) List<String> dataCategories,
        Method method,
        @Schema(nullable = true) String evidenceRef,
        @Schema(nullable = true) LocalDate evidenceDate,
        Decision event,
        Instant eventTime,
        @Schema(nullable = true) LocalDate validUntil,
        ConsentStatus effectiveStatus,
        @Schema(nullable = true) String howToWithdraw,
        RecordedBy recordedBy) {

    public static final String VERSION = "custodian-consent-receipt/1";

    public record Controller(
            String name,
            String schoolUrn,
            @Schema(nullable = true) String dpoName,
            @Schema(nullable = true) String dpoEmail) {}

    public record Subject(String pupilId) {}

    @Schema(name = "ReceiptGiver")
    public record GivenBy(
            Giver.Type type,
            @Schema(nullable = true) String id,
            @Schema(nullable = true) String relationship) {}

    public record PurposeShown(String code, String title, int version, String wording) {}

    public record RecordedBy(String actor, String role) {}
}
