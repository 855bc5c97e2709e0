package org.custodian.sar.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.export.SubjectExport;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.sar.bundle.BundleDtos.BundleStatus;
import org.custodian.sar.bundle.BundleDtos.SourceStatus;
import org.custodian.sar.bundle.BundleDtos.Timings;
import org.custodian.sar.bundle.BundleDtos.WaiverInput;
import org.custodian.sar.config.SarConfig;
import org.custodian.sar.document.DocumentRepository;
import org.custodian.sar.document.DocumentView;
import org.custodian.sar.notice.NoticeUsed;
import org.custodian.sar.notice.PrivacyNotices;
import org.custodian.sar.notice.SchoolNotice;
import org.custodian.sar.request.CompletionCheck;
import org.custodian.sar.request.RequestService;
import org.custodian.sar.request.RequestStatus;
import org.custodian.sar.request.RequestType;
import org.custodian.sar.request.RightsRequest;
import org.custodian.sar.review.ReleaseRules;
import org.custodian.sar.review.ReviewDecided;
import org.custodian.sar.review.ReviewItem;
import org.custodian.sar.review.ReviewQueries;
import org.custodian.sar.review.ReviewState;
import org.custodian.sar.review.ThirdPartyRules;
import org.custodian.sar.roster.Roster;

/**
 * Assembles the response to an access, portability or educational-record request: asks the sources (outside any
 * transaction) for the request's requester, and accountability-service for the school's published privacy notice (the
 * statutory minimum and a warning to the DPO when there is none), finds what names other people (the DPO's review
 * items), builds the JSON and the PDF the requester receives, and stores both with an audit row. A request can be
 * completed only when its response is assembled after its last upload and every missing source is present or waived by
 * the DPO (and, see {@link org.custodian.sar.review.ReviewService}, no review item waits for a decision).
 */
@ApplicationScoped
public class BundleService implements CompletionCheck {

    /** Timings of the last assembly, for the measurement the issue asks for. */
    public record Assembly(
            ObjectNode content,
            List<String> missing,
            int reviewItems,
            int pdfBytes,
            long sourcesMillis,
            long jsonMillis,
            long pdfMillis) {}

    private final Sources sources;
    private final org.custodian.sar.request.RightsRequestRepository requests;
    private final DocumentRepository documents;
    private final BundleQueries bundles;
    private final Roster roster;
    private final ReviewQueries reviews;
    private final AuditLog audit;
    private final Caller caller;
    private final ObjectMapper mapper;
    private final Optional<String> automatedDecisions;
    private final Clock clock;
    private final RequestService requestService;
    private final PrivacyNotices notices;

    @Inject
    public BundleService(
            Sources sources,
            org.custodian.sar.request.RightsRequestRepository requests,
            DocumentRepository documents,
            BundleQueries bundles,
            Roster roster,
            ReviewQueries reviews,
            AuditLog audit,
            Caller caller,
            ObjectMapper mapper,
            SarConfig config,
            Clock clock,
            RequestService requestService,
            PrivacyNotices notices) {
        this.sources = sources;
        this.requests = requests;
        this.documents = documents;
        this.bundles = bundles;
        this.roster = roster;
        this.reviews = reviews;
        this.audit = audit;
        this.caller = caller;
        this.mapper = mapper;
        this.automatedDecisions = config.automatedDecisionMaking();
        this.clock = clock;
        this.requestService = requestService;
        this.notices = notices;
    }

    /** Assembles (again) a request's response and says what it gave. */
    public BundleStatus assemble(String urn, UUID requestId) {
        RightsRequest r = requestService.get(urn, requestId);
        Assembly assembly = assemble(r);
        return status(urn, r.id(), new Timings(assembly.sourcesMillis(), assembly.jsonMillis(), assembly.pdfMillis()));
    }

    /** The response as JSON: whole for staff, the requester's copy for the requester; audited. */
    @Transactional
    public JsonNode json(String urn, UUID requestId) {
        RightsRequest r = readable(urn, requestId);
        BundleQueries.Stored stored = bundles.find(urn, r.id())
                .orElseThrow(() -> Problems.notFound("no response has been assembled for that request"));
        JsonNode content = requestService.callerIsStaff() ? current(stored, urn) : released(stored, urn);
        recordDownload(urn, r, "bundle.read", "JSON");
        return content;
    }

    /** The response as the requester receives it, as a PDF; audited. */
    @Transactional
    public byte[] pdf(String urn, UUID requestId) {
        RightsRequest r = readable(urn, requestId);
        byte[] pdf = bundles.pdf(urn, r.id())
                .orElseThrow(() -> Problems.notFound("no response has been assembled for that request"));
        recordDownload(urn, r, "bundle.downloaded", "PDF, " + pdf.length + " bytes");
        return pdf;
    }

    /** A 404 unless the request exists and the caller may see it. */
    @Transactional
    public void requireVisible(String urn, UUID requestId) {
        requestService.get(urn, requestId);
    }

    /** Records why the response may be completed without a source that did not answer; audited. */
    @Transactional
    public BundleStatus waive(String urn, UUID requestId, WaiverInput body) {
        RightsRequest r = requestService.get(urn, requestId);
        if (r.status().isClosed()) {
            throw Problems.conflict("the request is " + r.status());
        }
        BundleQueries.Stored stored =
                bundles.find(urn, r.id()).orElseThrow(() -> Problems.conflict("no response has been assembled yet"));
        if (!stored.missingSources().contains(body.source())) {
            throw Problems.conflict("'" + body.source() + "' is not missing from the response (missing: "
                    + (stored.missingSources().isEmpty() ? "none" : String.join(", ", stored.missingSources()))
                    + ")");
        }
        if (!bundles.waive(urn, r.id(), body.source(), body.reason(), caller.subject())) {
            throw Problems.conflict("'" + body.source() + "' was already waived");
        }
        audit.record(
                caller,
                urn,
                r.subject().path(urn),
                "bundle.waiver",
                AuditEntry.Outcome.SUCCESS,
                "request " + r.id() + ": completes without " + body.source() + ": " + body.reason());
        return status(urn, r.id(), null);
    }

    /** Staff may read an assembled response at any time; the requester once the request is completed. */
    private RightsRequest readable(String urn, UUID requestId) {
        RightsRequest r = requestService.get(urn, requestId);
        if (!requestService.callerIsStaff() && r.status() != RequestStatus.COMPLETED) {
            throw Problems.notFound("the response to that request is not ready yet");
        }
        return r;
    }

    private void recordDownload(String urn, RightsRequest r, String action, String what) {
        audit.record(
                caller,
                urn,
                r.subject().path(urn),
                action,
                AuditEntry.Outcome.SUCCESS,
                "request " + r.id() + ": " + what);
    }

    private BundleStatus status(String urn, UUID requestId, Timings timings) {
        BundleQueries.Stored stored = bundles.find(urn, requestId).orElseThrow();
        JsonNode content = current(stored, urn);
        List<SourceStatus> sources = new ArrayList<>();
        content.path("sources")
                .forEach(s -> sources.add(new SourceStatus(
                        s.path("source").asText(),
                        s.path("status").asText(),
                        s.hasNonNull("error") ? s.path("error").asText() : null)));
        String base = "/api/v1/schools/" + urn + "/requests/" + requestId;
        JsonNode review = content.path(ReleaseRules.STAFF_SECTION);
        JsonNode notice = content.path("information").path("privacyNotice");
        List<String> warnings = new ArrayList<>();
        content.path(ResponseContent.WARNINGS)
                .forEach(w -> warnings.add(w.path("warning").asText()));
        return new BundleStatus(
                requestId,
                stored.assembledAt(),
                content.path("complete").asBoolean(),
                sources,
                stored.missingSources(),
                bundles.waivers(urn, requestId),
                notice.isObject()
                        ? new NoticeUsed(
                                notice.path("version").asInt(),
                                notice.path("hash").asText(null),
                                notice.hasNonNull("publishedAt")
                                        ? Instant.parse(
                                                notice.get("publishedAt").asText())
                                        : null)
                        : null,
                warnings,
                content.path("documents").size(),
                review.path("items").size(),
                review.path("pendingReview").asLong(),
                stored.pdfBytes(),
                base + "/bundle",
                base + "/bundle.pdf",
                base + "/bundle/review-items",
                timings);
    }

    /** Which sources a request's response draws on: the services' exports are per child and for access and portability. */
    static boolean asksSources(RightsRequest r) {
        return r.subject().type() == RightsRequest.SubjectType.PUPIL
                && (r.type() == RequestType.ACCESS || r.type() == RequestType.PORTABILITY);
    }

    public Assembly assemble(RightsRequest r) {
        if (!r.type().answeredWithBundle()) {
            throw Problems.conflict("a " + r.type() + " request is not answered with a bundle");
        }
        if (r.status() != RequestStatus.IN_PROGRESS) {
            throw Problems.conflict("the response is assembled while the request is IN_PROGRESS; it is " + r.status());
        }
        String urn = r.schoolUrn();
        long t0 = System.nanoTime();
        // the school's published notice now (never cached), asked beside the exports
        CompletableFuture<SchoolNotice> asked = notices.ask(urn);
        List<Sources.Answer> answers =
                asksSources(r) ? sources.exportsOf(urn, r.subject().id(), requesterOf(r)) : List.of();
        SchoolNotice notice = asked.join();
        long t1 = System.nanoTime();
        List<DocumentView> docs = documents.allOfRequest(urn, r.id()).stream()
                .map(DocumentView::of)
                .toList();
        Instant now = clock.instant();
        ObjectNode content = ResponseContent.build(
                mapper,
                r,
                roster.schoolOrDefaults(urn),
                answers,
                docs,
                bundles.waivers(urn, r.id()),
                notice,
                automatedDecisions.filter(s -> !s.isBlank()).orElse(null),
                now);
        List<ThirdPartyRules.Finding> findings =
                asksSources(r) ? ThirdPartyRules.find(content, partiesOf(r)) : List.of();
        List<ReviewItem> decided = reviews.all(urn, r.id());
        List<ReviewItem> items = ReviewItem.merge(findings, decided, now);
        String json = write(content);
        long t2 = System.nanoTime();
        List<PdfRenderer.Attachment> attachments = attachments(urn, r.id(), docs);
        byte[] rendered = PdfRenderer.render(ReleaseRules.released(content, items), attachments);
        long t3 = System.nanoTime();
        List<String> missing = answers.stream()
                .filter(a -> !a.present())
                .map(Sources.Answer::source)
                .toList();
        int pdfBytes = QuarkusTransaction.requiringNew().call(() -> {
            // the request may have moved on while the sources were asked: store only if it is still in progress
            RequestStatus status = requests.findInSchoolForUpdate(urn, r.id())
                    .map(RightsRequest::status)
                    .orElse(RequestStatus.WITHDRAWN);
            if (status != RequestStatus.IN_PROGRESS) {
                throw Problems.conflict("the request became " + status + " while its response was being assembled");
            }
            // the DPO may have decided an item meanwhile (the request's row lock orders the two): render with that
            // decision
            List<ReviewItem> decidedNow = reviews.all(urn, r.id());
            List<ReviewItem> current = decidedNow.equals(decided) ? items : ReviewItem.merge(findings, decidedNow, now);
            byte[] pdf = current == items
                    ? rendered
                    : PdfRenderer.render(ReleaseRules.released(content, current), attachments);
            reviews.replace(urn, r.id(), current);
            bundles.store(
                    urn,
                    r.id(),
                    Instant.parse(content.path("generatedAt").asText()),
                    caller.subject(),
                    missing,
                    json,
                    pdf);
            long pending = current.stream()
                    .filter(i -> i.state() == ReviewState.PENDING)
                    .count();
            audit.record(
                    caller,
                    urn,
                    r.subject().path(urn),
                    "bundle.assembled",
                    AuditEntry.Outcome.SUCCESS,
                    "request " + r.id() + ": "
                            + answers.stream().filter(Sources.Answer::present).count() + " sources, "
                            + (missing.isEmpty() ? "none missing" : "missing " + String.join(", ", missing)) + ", "
                            + (notice.isPublished()
                                    ? "privacy notice " + notice.version()
                                    : "no privacy notice (" + notice.unavailable() + "): the statutory minimum")
                            + ", "
                            + docs.size()
                            + " documents, " + current.size() + " items naming other people (" + pending
                            + " for the DPO's review), "
                            + pdf.length + " PDF bytes");
            return pdf.length;
        });
        return new Assembly(
                content,
                missing,
                items.size(),
                pdfBytes,
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000);
    }

    /** The request's requester, as the exports are told. */
    static SubjectExport.Requester requesterOf(RightsRequest r) {
        return new SubjectExport.Requester(
                SubjectExport.Requester.Type.valueOf(r.requester().type().name()),
                r.requester().id(),
                r.id());
    }

    private ThirdPartyRules.Parties partiesOf(RightsRequest r) {
        return new ThirdPartyRules.Parties(
                r.requester().id(),
                r.subject().id(),
                roster.guardiansOf(r.schoolUrn(), r.subject().id()).stream()
                        .map(g -> new ThirdPartyRules.Person(g.guardianId(), g.relationship(), g.restricted()))
                        .toList());
    }

    private List<PdfRenderer.Attachment> attachments(String urn, java.util.UUID requestId, List<DocumentView> docs) {
        List<PdfRenderer.Attachment> attachments = new ArrayList<>();
        for (DocumentView d : docs) {
            attachments.add(
                    new PdfRenderer.Attachment(d.filename(), d.mediaType(), documents.content(urn, requestId, d.id())));
        }
        return attachments;
    }

    /** A decision changed what the requester receives: the stored PDF is rendered again, in the decision's transaction. */
    void rerender(@Observes ReviewDecided decided) {
        BundleQueries.Stored stored = bundles.find(decided.schoolUrn(), decided.requestId())
                .orElseThrow(() -> Problems.conflict("no response has been assembled for that request"));
        JsonNode content = read(stored);
        byte[] pdf = PdfRenderer.render(
                ReleaseRules.released(content, reviews.all(decided.schoolUrn(), decided.requestId())),
                attachments(
                        decided.schoolUrn(),
                        decided.requestId(),
                        documents.allOfRequest(decided.schoolUrn(), decided.requestId()).stream()
                                .map(DocumentView::of)
                                .toList()));
        bundles.storePdf(decided.schoolUrn(), decided.requestId(), pdf);
    }

    @Override
    public Optional<String> whyNotComplete(RightsRequest r) {
        Optional<BundleQueries.Stored> stored = bundles.find(r.schoolUrn(), r.id());
        if (stored.isEmpty()) {
            return Optional.of("assemble the response first (POST .../requests/" + r.id() + "/bundle)");
        }
        Optional<Instant> lastUpload = documents.lastUpload(r.schoolUrn(), r.id());
        if (lastUpload.isPresent() && lastUpload.get().isAfter(stored.get().assembledAt())) {
            return Optional.of("documents were uploaded after the response was assembled: assemble it again");
        }
        if (r.type() == RequestType.EDUCATIONAL_RECORD && lastUpload.isEmpty()) {
            return Optional.of("upload the educational record (POST .../requests/" + r.id()
                    + "/documents) and assemble the response");
        }
        Set<String> waived = bundles.waivers(r.schoolUrn(), r.id()).stream()
                .map(ResponseContent.Waiver::source)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> open = stored.get().missingSources().stream()
                .filter(s -> !waived.contains(s))
                .toList();
        if (!open.isEmpty()) {
            return Optional.of("the response is missing " + String.join(", ", open) + ": assemble it again once "
                    + (open.size() == 1 ? "that source answers" : "they answer")
                    + ", or record why not (POST .../bundle/waivers)");
        }
        return Optional.empty();
    }

    /**
     * The school's view of the stored JSON: with the waivers recorded since it was assembled, whether it is complete
     * now, and what it says about other people with the DPO's decisions ({@code thirdParties}).
     */
    public JsonNode current(BundleQueries.Stored stored, String urn) {
        ObjectNode content = withWaivers(read(stored), stored, urn);
        List<ReviewItem> items = reviews.all(urn, stored.requestId());
        ObjectNode section = content.putObject(ReleaseRules.STAFF_SECTION);
        section.put(
                "pendingReview",
                items.stream().filter(i -> i.state() == ReviewState.PENDING).count());
        var list = section.putArray("items");
        items.forEach(i -> list.addObject()
                .put("id", i.id().toString())
                .put("category", i.category().name())
                .put("label", i.label())
                .put("state", i.state().name())
                .put("exemption", i.exemption() == null ? null : i.exemption().name())
                .put("occurrences", i.pointers().size()));
        return content;
    }

    /** The requester's copy of the stored JSON: every decision on what it says about other people applied. */
    public JsonNode released(BundleQueries.Stored stored, String urn) {
        return ReleaseRules.released(withWaivers(read(stored), stored, urn), reviews.all(urn, stored.requestId()));
    }

    private ObjectNode withWaivers(ObjectNode content, BundleQueries.Stored stored, String urn) {
        List<ResponseContent.Waiver> waivers = bundles.waivers(urn, stored.requestId());
        var array = content.putArray("waivers");
        waivers.forEach(w -> array.addObject()
                .put("source", w.source())
                .put("reason", w.reason())
                .put("by", w.by())
                .put("at", w.at().toString()));
        Set<String> waived =
                waivers.stream().map(ResponseContent.Waiver::source).collect(Collectors.toSet());
        content.put("complete", ResponseContent.unwaivedMissing(content, waived).isEmpty());
        return content;
    }

    private ObjectNode read(BundleQueries.Stored stored) {
        try {
            return (ObjectNode) mapper.readTree(stored.content());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored response is not JSON", e);
        }
    }

    private String write(ObjectNode content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
