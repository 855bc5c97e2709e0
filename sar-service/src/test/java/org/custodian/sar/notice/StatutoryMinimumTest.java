package org.custodian.sar.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Where the school's notice is not available, the access response gives the statutory minimum in the words of the law
 * as it stands (issue 24, "The notice's own words"), not the words of the old notice where those are out of date.
 */
class StatutoryMinimumTest {

    /** Every sentence the access response takes from the statutory minimum. */
    private static List<String> everything() {
        List<String> all = new ArrayList<>();
        all.add(StatutoryMinimum.RIGHT_TO_COMPLAIN);
        all.add(StatutoryMinimum.RETENTION);
        all.add(StatutoryMinimum.SOURCES);
        all.add(StatutoryMinimum.AUTOMATED_DECISIONS_NONE);
        all.add(StatutoryMinimum.INTERNATIONAL_TRANSFERS);
        all.addAll(StatutoryMinimum.RIGHTS);
        all.addAll(StatutoryMinimum.PURPOSES);
        all.addAll(StatutoryMinimum.LAWFUL_BASES);
        return all;
    }

    @Test
    void transfersAreThoseOutsideTheUkNotTheEea() {
        assertThat(StatutoryMinimum.INTERNATIONAL_TRANSFERS).contains("outside the UK");
        assertThat(everything())
                .noneMatch(s -> s.contains("EEA") || s.toLowerCase(Locale.ROOT).contains("european economic area"));
    }

    @Test
    void theRightToObjectIsArticle21ForPublicTaskProcessingNotDamageOrDistress() {
        // Art. 21(1): grounds relating to the particular situation, processing under Art. 6(1)(e); the controller
        // stops unless it shows compelling legitimate grounds or needs it for legal claims.
        assertThat(StatutoryMinimum.RIGHTS)
                .anySatisfy(right -> assertThat(right)
                        .contains("public interest")
                        .contains("particular situation")
                        .contains("compelling legitimate grounds")
                        .contains("Art. 21(1)"));
        // Art. 21(2)-(3): direct marketing stops, always.
        assertThat(StatutoryMinimum.RIGHTS)
                .anySatisfy(
                        right -> assertThat(right).contains("direct marketing").contains("Art. 21(2)"));
        assertThat(everything()).noneMatch(s -> s.toLowerCase(Locale.ROOT).contains("damage or distress"));
    }

    @Test
    void automatedDecisionsFollowArticles22ATo22D() {
        // Data (Use and Access) Act 2025, s.80: Art. 22 is replaced by Arts. 22A-22D; Art. 22C(2)'s safeguards.
        assertThat(StatutoryMinimum.AUTOMATED_DECISIONS_NONE)
                .contains("Arts. 22A–22D")
                .contains("significant decision")
                .contains("solely on automated processing")
                .doesNotContain("Art. 22)");
        assertThat(StatutoryMinimum.RIGHTS)
                .anySatisfy(right -> assertThat(right)
                        .contains("Arts. 22A–22D")
                        .contains("representations")
                        .contains("human intervention")
                        .contains("contest"));
        assertThat(StatutoryMinimum.RIGHTS)
                .noneMatch(r -> r.equals("Not to be subject to decisions made by automated means alone"));
    }
}
