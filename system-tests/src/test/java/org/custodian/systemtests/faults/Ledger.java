package org.custodian.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.custodian.systemtests.support.Effects;
import org.custodian.systemtests.support.PressPhotos;
import org.custodian.systemtests.support.WebhookReceiver;

/**
 * The books of a fault: which withdrawals were accepted (a 2xx to the parent), which consent-service holds
 * (committed), and whether each committed one reached every part of the suite once in effect. <em>Lost</em> counts a
 * withdrawal accepted but not committed, or committed but missing from sharing- or retention-service, from the
 * newspaper's partner actions or from its webhooks. <em>Duplicated</em> counts every effect beyond the first: a second
 * partner action or webhook message for one withdrawal, a second delivery of one message (replays aside), or an
 * effect with no committed withdrawal behind it.
 */
final class Ledger {

    private final PressPhotos school;
    private final WebhookReceiver partner;

    Ledger(PressPhotos school, WebhookReceiver partner) {
        this.school = school;
        this.partner = partner;
    }

    /**
     * Waits (up to {@code atMost}, timed from {@code since}) until every committed withdrawal has reached every part of
     * the suite, then settles for a moment and counts. Returns the counts; the recovery is the last effect's time.
     */
    Tally settle(String cause, long since, Collection<String> accepted, Duration atMost) {
        Set<String> committed = school.withdrawnInConsent();
        Map<String, Long> seen = Effects.since(cause, since)
                .expect(
                        "sharing-service refuses every committed withdrawal",
                        () -> school.refusedInSharing().containsAll(committed))
                .expect(
                        "retention-service has every photograph due",
                        () -> school.dueInRetention().containsAll(committed))
                .expect(
                        "the newspaper has a STOP_USING action for each",
                        () -> school.partnerActions().keySet().containsAll(committed))
                .expect(
                        "the newspaper took a webhook for each",
                        () -> pupilsTold().containsAll(committed))
                .await(atMost);
        long recovered = seen.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Effects.sleep(1500);
        return count(accepted, school.withdrawnInConsent(), recovered);
    }

    private Set<String> pupilsTold() {
        return partner.processed("consent.withdrawn").stream()
                .map(r -> r.data().path("pupilId").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Tally count(Collection<String> accepted, Set<String> committed, long recoveredMillis) {
        List<String> lost = new ArrayList<>();
        accepted.stream()
                .filter(p -> !committed.contains(p))
                .forEach(p -> lost.add(p + " accepted but not in consent-service"));
        Set<String> refused = school.refusedInSharing(), due = school.dueInRetention(), told = pupilsTold();
        Map<String, Integer> actions = school.partnerActions();
        for (String pupil : committed) {
            if (!refused.contains(pupil)) {
                lost.add(pupil + " not refused by sharing-service");
            }
            if (!due.contains(pupil)) {
                lost.add(pupil + " not due in retention-service");
            }
            if (!actions.containsKey(pupil)) {
                lost.add(pupil + " has no partner action");
            }
            if (!told.contains(pupil)) {
                lost.add(pupil + " never reached the newspaper");
            }
        }
        List<String> duplicated = new ArrayList<>();
        actions.forEach((pupil, n) -> {
            if (n > 1) {
                duplicated.add(pupil + ": " + n + " partner actions");
            }
        });
        PressPhotos.countBy(
                        partner.processed("consent.withdrawn").stream()
                                .map(WebhookReceiver.Received::data)
                                .toList(),
                        "pupilId")
                .forEach((pupil, n) -> {
                    if (n > 1) {
                        duplicated.add(pupil + ": " + n + " webhook messages (different webhook-ids)");
                    }
                });
        List<JsonNode> firstDeliveries = school.deliveries().stream()
                .filter(d -> d.path("replayOf").isNull() || d.path("replayOf").isMissingNode())
                .filter(d -> "consent.withdrawn".equals(d.path("eventType").asText()))
                .toList();
        PressPhotos.countBy(firstDeliveries, "messageId").forEach((message, n) -> {
            if (n > 1) {
                duplicated.add(message + ": " + n + " deliveries");
            }
        });
        for (Set<String> effect : List.of(refused, due, actions.keySet(), told)) {
            effect.stream()
                    .filter(p -> !committed.contains(p))
                    .forEach(p -> duplicated.add(p + ": an effect with no withdrawal"));
        }
        return new Tally(accepted.size(), committed.size(), recoveredMillis, lost, duplicated);
    }

    /** The counts of one fault. */
    record Tally(int accepted, int committed, long recoveredMillis, List<String> lost, List<String> duplicated) {

        /** Prints the FAULT line and asserts that nothing was lost or duplicated. */
        void report(String fault, String injected) {
            System.out.printf(
                    "FAULT %s: injected %s, recovered in %d ms, lost %d, duplicated %d (%d writes accepted, %d committed)%n",
                    fault, injected, recoveredMillis, lost.size(), duplicated.size(), accepted, committed);
            assertThat(lost).as("lost").isEmpty();
            assertThat(duplicated).as("duplicated").isEmpty();
        }
    }
}
