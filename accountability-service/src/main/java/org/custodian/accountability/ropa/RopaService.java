package org.custodian.accountability.ropa;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.accountability.fact.FactService;
import org.custodian.accountability.fact.SchoolFacts;
import org.custodian.accountability.notice.NoticeDraft;
import org.custodian.accountability.notice.NoticeDraftRepository;
import org.custodian.accountability.notice.NoticeJson;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;

/**
 * A school's record of processing activities (UK GDPR Art. 30): made from the facts when asked, each row current
 * while it says what it said at the DPO's last review, outdated once a fact changes it; and the DPO's reviews.
 */
@ApplicationScoped
@Transactional
public class RopaService {

    public enum RowStatus {
        CURRENT,
        OUTDATED,
        NOT_REVIEWED
    }

    public record Row(RopaRow row, RowStatus status) {}

    public record Record(
            String urn, String schoolName, Instant generatedAt, Optional<RopaReview> lastReview, List<Row> rows) {}

    private final FactService facts;
    private final NoticeDraftRepository drafts;
    private final RopaReviewRepository reviews;
    private final AuditLog audit;
    private final Clock clock;

    RopaService(
            FactService facts,
            NoticeDraftRepository drafts,
            RopaReviewRepository reviews,
            AuditLog audit,
            Clock clock) {
        this.facts = facts;
        this.drafts = drafts;
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Record record(String urn) {
        SchoolFacts known = facts.of(urn);
        Optional<RopaReview> last = reviews.latestInSchool(urn);
        List<Row> rows = rows(known).stream()
                .map(r -> new Row(
                        r,
                        last.map(review ->
                                        fingerprint(r).equals(review.rowHashes().get(r.id()))
                                                ? RowStatus.CURRENT
                                                : RowStatus.OUTDATED)
                                .orElse(RowStatus.NOT_REVIEWED)))
                .toList();
        String name = known.school() == null || known.school().value().name() == null
                ? "School " + urn
                : known.school().value().name();
        return new Record(urn, name, clock.instant(), last, rows);
    }

    /** The record of each school of a trust, in the order asked (a token's schools). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Record> records(List<String> urns) {
        return urns.stream().sorted().map(this::record).toList();
    }

    /** Records that the DPO reviewed every row as it now stands. */
    public RopaReview review(Caller caller, String urn, String note) {
        Map<String, String> hashes = new LinkedHashMap<>();
        rows(facts.of(urn)).forEach(r -> hashes.put(r.id(), fingerprint(r)));
        RopaReview review = new RopaReview(urn, caller.subject(), clock.instant(), note, hashes);
        reviews.persist(review);
        audit.record(
                caller,
                urn,
                "ropa/reviews/" + review.id(),
                "ropa.reviewed",
                AuditEntry.Outcome.SUCCESS,
                hashes.size() + " processing activities reviewed");
        return review;
    }

    private List<RopaRow> rows(SchoolFacts known) {
        return RopaRules.rows(
                known,
                LegalTime.today(clock),
                drafts.findForSchool(known.urn())
                        .map(NoticeDraft::securityMeasures)
                        .orElse(null));
    }

    /** What the row says, without the facts (and their versions) it was made from. */
    static String fingerprint(RopaRow row) {
        try {
            Map<String, Object> fields =
                    new LinkedHashMap<>(CloudEventCodec.mapper().convertValue(row, Map.class));
            fields.remove("from");
            fields.remove("cellSources");
            return NoticeJson.hash(CloudEventCodec.mapper().writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
