package org.custodian.consent;

import java.util.List;
import org.custodian.testing.ArchitectureContract;

/** consent-service in the house style (docs/architecture.md). */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String rootPackage() {
        return "org.custodian.consent";
    }

    /** Pure rule classes not named *Rules or *Resolver. */
    @Override
    protected List<String> otherRuleClasses() {
        return List.of("Validity", "Ages");
    }

    /** The value types the pure rules read: records and enums of the service, and the export envelope. */
    @Override
    protected List<String> otherRuleDependencies() {
        return List.of(
                "org.custodian.consent.decision.BiometricQueries$Alternative",
                "org.custodian.consent.decision.BiometricQueries$Notice",
                "org.custodian.consent.decision.BiometricQueries$TemplateDeletion",
                "org.custodian.consent.decision.BiometricRules$NoticeOutcome",
                "org.custodian.consent.decision.BiometricView",
                "org.custodian.consent.decision.ConsentReceipt",
                "org.custodian.consent.decision.ConsentReceipt$GivenBy",
                "org.custodian.consent.decision.ConsentReceipt$RecordedBy",
                "org.custodian.consent.decision.Giver$Type",
                "org.custodian.consent.decision.Giver",
                "org.custodian.consent.decision.PurposeStatus",
                "org.custodian.consent.decision.StoredDecision",
                "org.custodian.consent.decision.ConsentStatus",
                "org.custodian.consent.decision.Decision",
                "org.custodian.consent.decision.Method",
                "org.custodian.consent.purpose.PurposeKind",
                "org.custodian.consent.roster.GuardianOfPupil",
                "org.custodian.consent.roster.PupilView",
                "org.custodian.consent.roster.Relationship",
                "org.custodian.consent.school.ConflictPolicy",
                "org.custodian.platform.export.SubjectExport",
                "org.custodian.platform.export.SubjectExport$Requester",
                "org.custodian.platform.export.SubjectExport$Requester$Type");
    }
}
