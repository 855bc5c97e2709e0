package org.custodian.consent.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.consent.revocation.TokenRevocationQueries.StoredRevocation;
import org.custodian.consent.school.SchoolService;
import org.custodian.platform.audit.AuditEntry.Outcome;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.http.Params;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.tokens.Revocation;
import org.custodian.tokens.TokenRules;

/**
 * Revoking tokens: the record, the school's audit entry (a DPO's revocation) and the {@code uk.custodian.token.revoked}
 * event, in one transaction. The event reaches every replica of every service and the gateway through
 * {@code custodian.revocations.v1} (platform-tokens' RevocationFeed), including this one.
 */
@ApplicationScoped
@Transactional
public class TokenRevocationService {

    private final TokenRevocationQueries queries;
    private final SchoolService schools;
    private final Outbox outbox;
    private final EventSource events;
    private final Clock clock;
    private final AuditLog audit;
    private final TokenRules rules;

    public TokenRevocationService(
            TokenRevocationQueries queries,
            SchoolService schools,
            Outbox outbox,
            EventSource events,
            Clock clock,
            AuditLog audit,
            TokenRules rules) {
        this.schools = schools;
        this.events = events;
        this.clock = clock;
        this.queries = queries;
        this.outbox = outbox;
        this.audit = audit;
        this.rules = rules;
    }

    /** Revokes at one school ({@code school}) or, with none, at every school. */
    public TokenRevocationView revoke(Caller caller, String school, TokenRevocationRequest request) {
        if (school != null) {
            schools.require(school);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Revocation revocation = revocationOf(request, school, now);
        UUID id = UUID.randomUUID();
        boolean bySubject = revocation.kind() == Revocation.Kind.SUBJECT;
        queries.insert(
                id,
                school,
                bySubject ? revocation.value() : null,
                bySubject ? null : revocation.value(),
                request.reason().strip(),
                now,
                caller.subject(),
                caller.primaryRole());
        if (school != null) {
            audit.record(
                    caller,
                    school,
                    null,
                    "token.revoked",
                    Outcome.SUCCESS,
                    revocation.kind().field() + " " + revocation.value() + ": "
                            + request.reason().strip());
        }
        outbox.append(events.about(
                EventTypes.TOKEN_REVOKED,
                school,
                (school == null ? "" : "schools/" + school + "/") + "token-revocations/" + id,
                data(revocation)));
        return find(school, id).orElseThrow();
    }

    /** The revocation with this id at a school (or for every school), or a 404. */
    @Transactional(TxType.SUPPORTS)
    public TokenRevocationView require(String school, String revocationId) {
        UUID id = Params.pathId(revocationId, "revocation");
        return find(school, id).orElseThrow(() -> Problems.notFound("no revocation " + revocationId));
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<TokenRevocationView> find(String school, UUID id) {
        return queries.find(school, id).map(this::view);
    }

    /** A school's revocations (or the operators', for every school), newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<TokenRevocationView> list(String school, PageRequest page) {
        return Page.fromRows(queries.page(school, page), page, row -> List.of(Long.toString(row.seq())))
                .map(this::view);
    }

    /** The revocation a valid request asks for; anything else is a 400 naming the field. */
    static Revocation revocationOf(TokenRevocationRequest request, String school, Instant at) {
        boolean subject = request.subject() != null;
        if (subject == (request.tokenId() != null)) {
            throw Problems.invalid(List.of(
                    new FieldError("subject", "give exactly one of subject and tokenId"),
                    new FieldError("tokenId", "give exactly one of subject and tokenId")));
        }
        if (subject && !TokenRules.acceptsSubject(request.subject())) {
            throw Problems.invalid(
                    "subject",
                    "no token can carry this subject (empty, too long, or with control, space or path characters)");
        }
        if (!subject && !TokenRules.acceptsSubject(request.tokenId())) {
            throw Problems.invalid("tokenId", "no token id has control, space or path characters");
        }
        return subject
                ? Revocation.ofSubject(request.subject(), school, at)
                : Revocation.ofTokenId(request.tokenId(), school, at);
    }

    private com.fasterxml.jackson.databind.JsonNode data(Revocation revocation) {
        try {
            return CloudEventCodec.mapper().readTree(revocation.toJson().toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TokenRevocationView view(StoredRevocation row) {
        return new TokenRevocationView(
                row.id(),
                row.school(),
                row.subject(),
                row.tokenId(),
                row.reason(),
                row.revokedAt(),
                row.revokedBy(),
                row.revokedAt().plusSeconds(rules.maxLifetimeSeconds()));
    }
}
