package org.custodian.sar.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.security.Caller;
import org.custodian.sar.document.Document;
import org.custodian.sar.document.Documents;
import org.custodian.sar.request.CompletionCheck;
import org.custodian.sar.request.RequestStatus;
import org.custodian.sar.request.RequestType;
import org.custodian.sar.request.RightsRequest;
import org.custodian.sar.roster.Roster;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Assembles the response to an access, portability or educational-record request: asks the sources (outside any
 * transaction), builds the JSON and the PDF, and stores both with an audit row. A request can be completed only when
 * its response is assembled after its last upload and every missing source is present or waived by the DPO.
 */
@ApplicationScoped
public class BundleService implements CompletionCheck {

    /** Timings of the last assembly, for the measurement the issue asks for. */
    public record Assembly(ObjectNode content, List<String> missing, int pdfBytes, long sourcesMillis, long jsonMillis, long pdfMillis) {
    }

    private final Sources sources;
    private final org.custodian.sar.request.RequestRepository requests;
    private final Documents documents;
    private final Bundles bundles;
    private final Roster roster;
    private final AuditLog audit;
    private final Caller caller;
    private final ObjectMapper mapper;
    private final Optional<String> automatedDecisions;

    @Inject
    public BundleService(Sources sources, org.custodian.sar.request.RequestRepository requests, Documents documents, Bundles bundles, Roster roster, AuditLog audit, Caller caller,
                         ObjectMapper mapper,
                         @ConfigProperty(name = "custodian.sar.automated-decision-making") Optional<String> automatedDecisions) {
        this.sources = sources;
        this.requests = requests;
        this.documents = documents;
        this.bundles = bundles;
        this.roster = roster;
        this.audit = audit;
        this.caller = caller;
        this.mapper = mapper;
        this.automatedDecisions = automatedDecisions;
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
        List<Sources.Answer> answers = asksSources(r) ? sources.exportsOf(urn, r.subject().id()) : List.of();
        long t1 = System.nanoTime();
        List<Document> docs = documents.all(urn, r.id());
        ObjectNode content = ResponseContent.build(mapper, r, roster.schoolOrDefaults(urn), answers, docs, bundles.waivers(urn, r.id()),
                automatedDecisions.filter(s -> !s.isBlank()).orElse(null), Instant.now());
        String json = write(content);
        long t2 = System.nanoTime();
        List<PdfRenderer.Attachment> attachments = new ArrayList<>();
        for (Document d : docs) {
            attachments.add(new PdfRenderer.Attachment(d.filename(), d.mediaType(), documents.content(urn, r.id(), d.id())));
        }
        byte[] pdf = PdfRenderer.render(content, attachments);
        long t3 = System.nanoTime();
        List<String> missing = answers.stream().filter(a -> !a.present()).map(Sources.Answer::source).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            // the request may have moved on while the sources were asked: store only if it is still in progress
            RequestStatus now = requests.find(urn, r.id(), true).map(RightsRequest::status).orElse(RequestStatus.WITHDRAWN);
            if (now != RequestStatus.IN_PROGRESS) {
                throw Problems.conflict("the request became " + now + " while its response was being assembled");
            }
            bundles.store(urn, r.id(), Instant.parse(content.path("generatedAt").asText()), caller.subject(), missing, json, pdf);
            audit.record(caller, urn, r.subject().path(urn), "bundle.assembled", AuditEntry.Outcome.SUCCESS,
                    "request " + r.id() + ": " + answers.stream().filter(Sources.Answer::present).count() + " sources, "
                            + (missing.isEmpty() ? "none missing" : "missing " + String.join(", ", missing)) + ", " + docs.size()
                            + " documents, " + pdf.length + " PDF bytes");
        });
        return new Assembly(content, missing, pdf.length, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    @Override
    public Optional<String> whyNotComplete(RightsRequest r) {
        Optional<Bundles.Stored> stored = bundles.find(r.schoolUrn(), r.id());
        if (stored.isEmpty()) {
            return Optional.of("assemble the response first (POST .../requests/" + r.id() + "/bundle)");
        }
        Optional<Instant> lastUpload = documents.lastUpload(r.schoolUrn(), r.id());
        if (lastUpload.isPresent() && lastUpload.get().isAfter(stored.get().assembledAt())) {
            return Optional.of("documents were uploaded after the response was assembled: assemble it again");
        }
        if (r.type() == RequestType.EDUCATIONAL_RECORD && lastUpload.isEmpty()) {
            return Optional.of("upload the educational record (POST .../requests/" + r.id() + "/documents) and assemble the response");
        }
        Set<String> waived = bundles.waivers(r.schoolUrn(), r.id()).stream().map(ResponseContent.Waiver::source)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> open = stored.get().missingSources().stream().filter(s -> !waived.contains(s)).toList();
        if (!open.isEmpty()) {
            return Optional.of("the response is missing " + String.join(", ", open) + ": assemble it again once "
                    + (open.size() == 1 ? "that source answers" : "they answer") + ", or record why not (POST .../bundle/waivers)");
        }
        return Optional.empty();
    }

    /** The stored JSON with the waivers recorded since it was assembled, and whether it is complete now. */
    public JsonNode current(Bundles.Stored stored, String urn) {
        try {
            ObjectNode content = (ObjectNode) mapper.readTree(stored.content());
            List<ResponseContent.Waiver> waivers = bundles.waivers(urn, stored.requestId());
            var array = content.putArray("waivers");
            waivers.forEach(w -> array.addObject().put("source", w.source()).put("reason", w.reason()).put("by", w.by())
                    .put("at", w.at().toString()));
            Set<String> waived = waivers.stream().map(ResponseContent.Waiver::source).collect(Collectors.toSet());
            content.put("complete", ResponseContent.unwaivedMissing(content, waived).isEmpty());
            return content;
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
