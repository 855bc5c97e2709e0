package org.custodian.retention;

import java.util.List;
import org.custodian.testing.ArchitectureContract;

/** The house style (docs/architecture.md) on retention-service's main code. */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String rootPackage() {
        return "org.custodian.retention";
    }

    /** The pure rules whose names do not end in Rules or Resolver. */
    @Override
    protected List<String> otherRuleClasses() {
        return List.of("DueDates", "RetentionPeriods", "AcademicYear", "ApprovalPlan", "HoldRule");
    }

    /** The value types the rules read: a class's rule and its enums, and a violation of a rule. */
    @Override
    protected List<String> otherRuleDependencies() {
        return List.of(
                "org.custodian.retention.schedule.RetentionRule",
                "org.custodian.retention.schedule.Trigger",
                "org.custodian.retention.schedule.DisposalAction",
                "org.custodian.retention.schedule.LegalBasis",
                "org.custodian.retention.support.Violation");
    }
}
