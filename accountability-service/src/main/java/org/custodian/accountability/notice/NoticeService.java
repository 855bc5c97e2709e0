package org.custodian.accountability.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.accountability.fact.FactService;
import org.custodian.accountability.fact.SchoolFacts;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.AccountabilityEvents;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.http.ETags;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.TransactionLocks;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.platform.time.LegalTime;

/**
 * A school's privacy notice: the draft (the facts' notice with the DPO's words), its publication as an immutable,
 * hash-identified version, the versions, and whether the published one is still current.
 */
@ApplicationScoped
@Transactional
public class NoticeService {

    /** The draft as it would be published now, with the version of the DPO's words (the ETag; 0 before any). */
    public record Draft(
            NoticeContent content,
            long version,
            Instant updatedAt,
            String updatedBy,
            List<NoticeContent.Section> changedSections,
            String securityMeasures) {}

    /** The DPO's words, as the resource parsed them. */
    public record DraftEdit(
            String introduction,
            Map<String, String> localExplanations,
            String automatedDecisions,
            String securityMeasures) {}

    private final FactService facts;
    private final NoticeDraftRepository drafts;
    private final NoticeVersionRepository versions;
    private final AuditLog audit;
    private final Outbox outbox;
    private final EventSource events;
    private final TransactionLocks locks;
    private final DriftQueries drift;
    private final Clock clock;

    NoticeService(
            FactService facts,
            NoticeDraftRepository drafts,
            NoticeVersionRepository versions,
            AuditLog audit,
            Outbox outbox,
            EventSource events,
            TransactionLocks locks,
            DriftQueries drift,
            Clock clock) {
        this.drift = drift;
        this.facts = facts;
        this.drafts = drafts;
        this.versions = versions;
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
        this.locks = locks;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Draft draft(String urn) {
        Optional<NoticeDraft> draft = drafts.findForSchool(urn);
        NoticeContent content = generate(urn, draft);
        List<NoticeContent.Section> changed = NoticeRules.changedSections(
                versions.latestInSchool(urn)
                        .map(v -> NoticeJson.read(v.content()))
                        .orElse(null),
                content);
        return new Draft(
                content,
                draft.map(NoticeDraft::version).orElse(0L),
                draft.map(NoticeDraft::updatedAt).orElse(null),
                draft.map(NoticeDraft::updatedBy).orElse(null),
                changed,
                draft.map(NoticeDraft::securityMeasures).orElse(null));
    }

    public Draft editDraft(Caller caller, String urn, String ifMatch, DraftEdit edit) {
        locks.hold(lockOf(urn));
        Optional<NoticeDraft> held = drafts.findForSchool(urn);
        ETags.requireMatch(ifMatch, held.map(NoticeDraft::version).orElse(0L));
        for (String section : edit.localExplanations().keySet()) {
            if (!isSection(section) || !NoticeContent.Section.valueOf(section).generated()) {
                throw Problems.invalid(
                        "localExplanations",
                        "'" + section + "' is not a generated section of the notice; explanations follow one of "
                                + List.of(NoticeContent.Section.values()).stream()
                                        .filter(NoticeContent.Section::generated)
                                        .toList());
            }
        }
        Instant now = clock.instant();
        DraftText text = new DraftText(edit.introduction(), edit.localExplanations(), edit.automatedDecisions());
        if (held.isPresent()) {
            held.get().edit(text, edit.securityMeasures(), caller.subject(), now);
        } else {
            drafts.persist(NoticeDraft.first(urn, text, edit.securityMeasures(), caller.subject(), now));
        }
        drafts.flush();
        audit.record(caller, urn, "privacy-notice/draft", "notice.draft-edited", AuditEntry.Outcome.SUCCESS, null);
        return draft(urn);
    }

    /** Publishes the draft as the next version; nothing to publish when it says what the current version says. */
    public NoticeVersion publish(Caller caller, String urn) {
        locks.hold(lockOf(urn));
        SchoolFacts known = facts.of(urn);
        if (known.school() == null) {
            throw Problems.conflict("the school's profile (its name and its data protection officer) has not reached"
                    + " this service yet; publish once the school is set up");
        }
        NoticeContent content = NoticeRules.generate(
                known,
                LegalTime.today(clock),
                drafts.findForSchool(urn).map(NoticeDraft::text).orElse(DraftText.NONE));
        String json = NoticeJson.canonical(content);
        String hash = NoticeJson.hash(json);
        Optional<NoticeVersion> previous = versions.latestInSchool(urn);
        if (previous.isPresent() && previous.get().hash().equals(hash)) {
            throw Problems.conflict("the draft says exactly what version "
                    + previous.get().number() + " says; there is nothing new to publish");
        }
        NoticeContent before = previous.map(v -> NoticeJson.read(v.content())).orElse(null);
        List<String> changed = NoticeRules.changedSections(before, content).stream()
                .map(Enum::name)
                .toList();
        Instant now = clock.instant();
        NoticeVersion version = new NoticeVersion(
                urn,
                previous.map(NoticeVersion::number).orElse(0) + 1,
                hash,
                json,
                changed,
                NoticeRules.changesInWords(before, content),
                caller.subject(),
                now);
        versions.persist(version);
        drift.record(urn, version.number(), null, now);
        outbox.append(events.aboutSchool(
                EventTypes.NOTICE_PUBLISHED,
                urn,
                CloudEventCodec.toData(new AccountabilityEvents.NoticePublished(
                        version.number(), hash, changed, caller.subject(), now))));
        audit.record(
                caller,
                urn,
                "privacy-notice/versions/" + version.number(),
                "notice.published",
                AuditEntry.Outcome.SUCCESS,
                "version " + version.number() + " (" + hash.substring(0, 12) + "), changed: "
                        + String.join(", ", changed));
        return version;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NoticeVersion current(String urn) {
        return versions.latestInSchool(urn)
                .orElseThrow(() -> Problems.notFound("the school has not published a privacy notice"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NoticeVersion version(String urn, int number) {
        return versions.findInSchool(urn, number)
                .orElseThrow(() -> Problems.notFound("the school has no version " + number + " of its notice"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NoticeVersion> versions(String urn, PageRequest page) {
        return versions.pageInSchool(urn, page);
    }

    /** Whether the published notice still describes what the school does, worked out from the facts as they are. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NoticeStatus status(String urn) {
        Optional<Judgement> judged = judge(urn);
        if (judged.isEmpty()) {
            return new NoticeStatus(NoticeStatus.State.NOT_PUBLISHED, null, null, List.of());
        }
        List<Difference> differences = judged.get().differences();
        Instant outdatedSince = differences.isEmpty()
                ? null
                : drift.recorded(urn).map(DriftQueries.Recorded::outdatedSince).orElseGet(clock::instant);
        return new NoticeStatus(
                differences.isEmpty() ? NoticeStatus.State.CURRENT : NoticeStatus.State.OUTDATED,
                judged.get().published(),
                outdatedSince,
                differences);
    }

    /** The published version and how the notice the facts make now differs from it; empty before a publication. */
    record Judgement(int published, List<Difference> differences) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Judgement> judge(String urn) {
        return versions.latestInSchool(urn)
                .map(published -> new Judgement(
                        published.number(),
                        NoticeRules.differences(
                                NoticeJson.read(published.content()), generate(urn, drafts.findForSchool(urn)))));
    }

    private NoticeContent generate(String urn, Optional<NoticeDraft> draft) {
        return NoticeRules.generate(
                facts.of(urn),
                LegalTime.today(clock),
                draft.map(NoticeDraft::text).orElse(DraftText.NONE));
    }

    private static boolean isSection(String name) {
        return List.of(NoticeContent.Section.values()).stream()
                .anyMatch(s -> s.name().equals(name));
    }

    static String lockOf(String urn) {
        return "accountability.notice." + urn;
    }
}
