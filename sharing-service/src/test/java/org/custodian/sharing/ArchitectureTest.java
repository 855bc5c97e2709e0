package org.custodian.sharing;

import java.util.List;
import org.custodian.testing.ArchitectureContract;

/** sharing-service in the house style (docs/architecture.md). */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String rootPackage() {
        return "org.custodian.sharing";
    }

    /** Pure rule classes not named *Rules or *Resolver. */
    @Override
    protected List<String> otherRuleClasses() {
        return List.of("DecisionEngine", "Transfers");
    }

    /** The value types the pure rules read: what partners can be asked to do, and the decision engine's values. */
    @Override
    protected List<String> otherRuleDependencies() {
        return List.of("org.custodian.sharing.actionkind", "org.custodian.sharing.decision");
    }
}
