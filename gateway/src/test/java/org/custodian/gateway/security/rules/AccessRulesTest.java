package org.custodian.gateway.security.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.gateway.support.FakeUpstreams;
import org.custodian.gateway.support.ShippedConfig;
import org.custodian.testing.AccessMatrix;
import org.junit.jupiter.api.Test;

/** The rules as shipped in application.properties. */
class AccessRulesTest {

    static final AccessRules RULES = new AccessRules(ShippedConfig.access());
    static final List<String> ROLES = List.of(
            "dpo", "school-admin", "staff", "safeguarding-lead", "parent", "pupil", "mis", "partner", "auditor");
    static final Set<String> SHARING_AND_RETENTION = Set.of(
            "recipients",
            "agreements",
            "disclosures",
            "sharing-checks",
            "partner-actions",
            "retention-schedule",
            "holdings",
            "legal-holds",
            "disposal-batches",
            "audit");

    @Test
    void everyRoutedResourceHasARuleAndTheDpoReachesEveryOne() {
        FakeUpstreams.resourceServices().keySet().forEach(resource -> {
            assertThat(RULES.decidingPattern("schools/100001/" + resource))
                    .as(resource)
                    .isPresent();
            assertThat(RULES.allows(Set.of("dpo"), "schools/100001/" + resource + "/X/y"))
                    .as(resource)
                    .isTrue();
        });
        assertThat(RULES.allows(Set.of("dpo"), "schools/100001/audit/consent")).isTrue();
    }

    @Test
    void theMostSpecificRuleDecides() {
        assertThat(RULES.allows(Set.of("partner"), "schools/100001/recipients/R1/webhook-endpoints"))
                .isTrue();
        assertThat(RULES.allows(Set.of("partner"), "schools/100001/recipients/R1"))
                .isFalse();
        assertThat(RULES.allows(Set.of("staff"), "schools/100001/recipients/R1"))
                .isTrue();
        assertThat(RULES.allows(Set.of("staff"), "schools/100001/recipients/R1/webhook-endpoints/W1"))
                .isFalse();
    }

    @Test
    void aPathNoRuleCoversIsClosedToEveryone() {
        assertThat(RULES.allowedRoles("schools/100001/unknown")).isEmpty();
        assertThat(RULES.allows(Set.of(ROLES.toArray(String[]::new)), "schools"))
                .isFalse();
        assertThat(RULES.allows(Set.of(), "schools/100001/pupils")).isFalse();
    }

    /** The role of service tokens, which the gateway never accepts (issue 16, finding 4): no rule names it. */
    @Test
    void noRuleAdmitsTheServiceRole() {
        assertThat(ShippedConfig.access().values())
                .allSatisfy(roles -> assertThat(roles).doesNotContain("service"));
    }

    @Test
    void onlyTheDpoAndTheAuditorReadAuditLogs() {
        assertThat(RULES.allowedRoles("schools/100001/audit/consent")).containsExactlyInAnyOrder("dpo", "auditor");
    }

    @Test
    void everyoneButPartnersReadsThePrivacyNoticeAndOnlyTheDpoSideTheRecordOfProcessing() {
        assertThat(RULES.allowedRoles("schools/100001/privacy-notice/draft"))
                .containsExactlyInAnyOrder(
                        "dpo", "school-admin", "staff", "safeguarding-lead", "parent", "pupil", "mis", "auditor");
        for (String path :
                List.of("schools/100001/ropa", "schools/100001/ropa/activities/A-1", "schools/100001/ropa.csv")) {
            assertThat(RULES.allowedRoles(path)).as(path).containsExactlyInAnyOrder("dpo", "school-admin", "auditor");
        }
        assertThat(RULES.allowedRoles("schools/100001/audit/accountability"))
                .containsExactlyInAnyOrder("dpo", "auditor");
    }

    @Test
    void aTrustsViewIsTheDposAndTheAuditors() {
        for (String path : List.of("trusts", "trusts/T-1", "trusts/T-1/schools/100001")) {
            assertThat(RULES.allowedRoles(path)).as(path).containsExactlyInAnyOrder("dpo", "auditor");
        }
    }

    @Test
    void theSafeguardingLeadHasEveryOperationStaffHasInTheMatrixAndReachesItThroughTheGateway() {
        List<AccessMatrix.Row> rows = AccessMatrix.all();
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            if (row.allowed().get("staff")) {
                assertThat(row.allowed().get("safeguarding-lead"))
                        .as("%s %s", row.service(), row.key())
                        .isTrue();
            }
        });
        assertThat(rows)
                .filteredOn(row ->
                        row.allowed().get("safeguarding-lead") && !row.allowed().get("staff"))
                .extracting(AccessMatrix.Row::key)
                .containsExactlyInAnyOrder(
                        "GET /api/v1/schools/{urn}/guardians",
                        "GET /api/v1/schools/{urn}/guardians/{guardianId}",
                        // the s.27 welfare exceptions to notifying a parent are the safeguarding lead's knowledge
                        "GET /api/v1/schools/{urn}/pupils/{pupilId}/biometrics",
                        "GET /api/v1/schools/{urn}/disclosures",
                        "GET /api/v1/schools/{urn}/disclosures/{id}",
                        "GET /api/v1/schools/{urn}/disclosures/overrides");
        assertThat(RULES.allows(Set.of("safeguarding-lead"), "schools/100001/guardians/G1"))
                .isTrue();
        assertThat(RULES.allows(Set.of("safeguarding-lead"), "schools/100001/disclosures/overrides"))
                .isTrue();
        assertThat(RULES.allows(Set.of("safeguarding-lead"), "schools/100001/audit/sharing"))
                .isFalse();
        assertThat(RULES.allows(Set.of("safeguarding-lead"), "schools/100001/partner-actions"))
                .isFalse();
    }

    @Property
    void theSafeguardingLeadReachesEveryPathStaffReaches(@ForAll("schoolPaths") String resourceAndTail) {
        String path = "schools/100001/" + resourceAndTail;
        if (RULES.allows(Set.of("staff"), path)) {
            assertThat(RULES.allows(Set.of("safeguarding-lead"), path)).isTrue();
        }
    }

    @Property
    void parentsAndPupilsNeverReachSharingRetentionOrAudit(
            @ForAll("schoolPaths") String resourceAndTail, @ForAll("familyRoles") String role) {
        String resource = resourceAndTail.split("/")[0];
        if (SHARING_AND_RETENTION.contains(resource)) {
            assertThat(RULES.allows(Set.of(role), "schools/100001/" + resourceAndTail))
                    .isFalse();
        }
    }

    @Property
    void parentsAndPupilsNeverReachTheRecordOfProcessing(
            @ForAll("schoolPaths") String resourceAndTail, @ForAll("familyRoles") String role) {
        String resource = resourceAndTail.split("/")[0];
        if (resource.equals("ropa") || resource.equals("ropa.csv")) {
            assertThat(RULES.allows(Set.of(role), "schools/100001/" + resourceAndTail))
                    .isFalse();
        }
    }

    @Property
    void partnersReachOnlyTheirWebhooksAndPartnerActions(@ForAll("schoolPaths") String resourceAndTail) {
        String[] segments = resourceAndTail.split("/");
        boolean theirs = segments[0].equals("partner-actions")
                || (segments[0].equals("recipients") && segments.length > 2 && segments[2].equals("webhook-endpoints"));
        assertThat(RULES.allows(Set.of("partner"), "schools/100001/" + resourceAndTail))
                .isEqualTo(theirs);
    }

    @Provide
    Arbitrary<String> familyRoles() {
        return Arbitraries.of("parent", "pupil");
    }

    @Provide
    Arbitrary<String> schoolPaths() {
        Set<String> resources = new TreeSet<>(FakeUpstreams.resourceServices().keySet());
        resources.add("audit");
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("webhook-endpoints", "deliveries", "R1", "consent"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6));
        return Arbitraries.of(resources)
                .flatMap(resource -> segment.list()
                        .ofMaxSize(4)
                        .map(tail -> tail.isEmpty() ? resource : resource + "/" + String.join("/", tail)));
    }
}
