package org.custodian.sar;

import java.util.List;
import org.custodian.testing.ArchitectureContract;

/** sar-service in the house style (docs/architecture.md). */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String rootPackage() {
        return "org.custodian.sar";
    }

    @Override
    protected List<String> otherRuleClasses() {
        return List.of("Lifecycle", "Deadlines", "ChildAgreementRule");
    }

    @Override
    protected List<String> otherRuleDependencies() {
        return List.of(
                // the term calendar the school-day count reads (a value type)
                "org.custodian.sar.calendar.TermCalendar",
                "org.custodian.sar.calendar.TermCalendar$Answer",
                "org.custodian.sar.calendar.TermCalendar$Entry",
                "org.custodian.sar.calendar.TermCalendar$Kind",
                // the response is a JSON tree: the third-party rules read and rewrite it
                "com.fasterxml.jackson.databind",
                "com.fasterxml.jackson.databind.node",
                "com.fasterxml.jackson.core",
                // a release decision's field errors, as the API reports them
                "org.custodian.platform.problems.Problem$FieldError");
    }
}
