package org.custodian.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.consent.roster.Relationship;
import org.custodian.consent.roster.RosterQueries.LinkFacts;
import org.junit.jupiter.api.Test;

class StatusInputsTest {

    @Test
    void theResponsibleGuardiansAreTheLinksWithParentalResponsibility() {
        Map<String, List<LinkFacts>> links = Map.of(
                "P1",
                List.of(
                        new LinkFacts("MUM", "P1", Relationship.MOTHER, true, true),
                        new LinkFacts("DAD", "P1", Relationship.FATHER, false, false),
                        new LinkFacts("LA", "P1", Relationship.LOCAL_AUTHORITY, true, false)),
                "P2",
                List.of(new LinkFacts("STEP", "P2", Relationship.STEP_PARENT, false, true)));
        assertThat(StatusService.responsibleGuardians(links)).isEqualTo(Map.of("P1", Set.of("MUM", "LA")));
    }
}
