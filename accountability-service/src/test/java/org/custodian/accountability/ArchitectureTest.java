package org.custodian.accountability;

import java.util.List;
import org.custodian.testing.ArchitectureContract;

/** The house style (docs/architecture.md) on accountability-service's main code. */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String rootPackage() {
        return "org.custodian.accountability";
    }

    /** The pure rules whose names do not end in Rules. */
    @Override
    protected List<String> otherRuleClasses() {
        return List.of("DataCategories", "LegalWords", "SchoolDuties", "NoticePage", "Csv");
    }

    /** The facts the rules read, and the notice's parts the record of processing is made of. */
    @Override
    protected List<String> otherRuleDependencies() {
        return List.of("org.custodian.accountability.fact", "org.custodian.accountability.notice");
    }
}
