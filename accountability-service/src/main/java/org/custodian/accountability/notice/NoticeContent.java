package org.custodian.accountability.notice;

import java.util.List;
import java.util.Map;
import org.custodian.accountability.fact.FactRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A privacy notice for parents and pupils (UK GDPR Arts. 13 and 14), section by section. The generated sections are
 * made from the school's facts and name the facts they came from; {@code introduction} and {@code localExplanations}
 * are the DPO's own words. A published version is this record, frozen.
 */
@Schema(name = "PrivacyNoticeContent")
public record NoticeContent(
        Controller controller,

        @Schema(nullable = true, description = "the DPO's introduction")
        String introduction,

        List<Category> categories,
        List<Use> uses,
        List<ConsentPurpose> consentPurposes,
        List<RecipientGroup> recipients,
        List<Transfer> transfers,
        Retention retention,
        List<String> sources,
        String automatedDecisions,
        List<Right> rights,
        Complaints complaints,
        Map<String, String> localExplanations) {

    /** The sections in the order a reader meets them. */
    public enum Section {
        controller,
        introduction,
        categories,
        uses,
        consentPurposes,
        recipients,
        transfers,
        retention,
        sources,
        automatedDecisions,
        rights,
        complaints,
        localExplanations;

        /** Whether the section is made from facts (and so can drift); the others are the DPO's words. */
        public boolean generated() {
            return this != introduction && this != localExplanations;
        }
    }

    /** Who the controller is and how to reach its data protection officer. */
    @Schema(name = "NoticeController")
    public record Controller(
            String schoolName,
            String urn,
            @Schema(nullable = true) String dpoName,
            @Schema(nullable = true) String dpoEmail,
            List<FactRef> from) {}

    /**
     * A category of data held, whether giving it is mandatory, and what happens if it is not given (the notice promises
     * to say so).
     */
    @Schema(name = "NoticeCategory")
    public record Category(
            String code,
            String title,
            boolean specialCategory,
            boolean criminalOffenceData,
            boolean mandatory,
            String ifNotGiven,
            List<FactRef> from) {}

    /** Why the data is used, on which lawful basis and, for special category data, which Art. 9 condition. */
    @Schema(name = "NoticeUse")
    public record Use(
            String purpose,
            String lawfulBasis,
            String lawfulBasisInWords,
            @Schema(nullable = true) String specialCategoryCondition,
            @Schema(nullable = true) String law,
            List<FactRef> from) {}

    /** A purpose the school asks consent for, in its current wording, and how to withdraw it. */
    @Schema(name = "NoticeConsentPurpose")
    public record ConsentPurpose(
            String code,
            int version,
            @Schema(nullable = true) String title,
            @Schema(nullable = true) String wording,
            String howToWithdraw,
            List<FactRef> from) {}

    /** Recipients of one kind, with the named ones. */
    @Schema(name = "NoticeRecipientGroup")
    public record RecipientGroup(String category, List<NamedRecipient> recipients) {}

    /** A named recipient: why it receives data and on which basis. */
    @Schema(name = "NoticeRecipient")
    public record NamedRecipient(
            String name,
            @Schema(nullable = true) String description,
            String role,
            List<String> why,
            List<String> bases,
            List<FactRef> from) {}

    /** Personal data sent outside the UK, and the safeguard it goes under. */
    @Schema(name = "NoticeTransfer")
    public record Transfer(String recipient, String country, String safeguard, List<FactRef> from) {}

    /** How long records are kept: a summary of the schedule, and where the whole schedule is published. */
    @Schema(name = "NoticeRetention")
    public record Retention(String summary, List<RetentionLine> classes, String schedulePath) {}

    @Schema(name = "NoticeRetentionLine")
    public record RetentionLine(
            String recordClass, String description, String keptFor, String then, List<FactRef> from) {}

    /** A right, what it lets a person do, and how to exercise it. */
    @Schema(name = "NoticeRight")
    public record Right(String name, String what, String how) {}

    /** Where to complain: the school first, then the Information Commissioner. */
    @Schema(name = "NoticeComplaints")
    public record Complaints(String school, Ico ico) {}

    @Schema(name = "NoticeIco")
    public record Ico(String name, String online, String telephone, String address) {}
}
