package org.custodian.sar.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.platform.security.Roles;
import org.custodian.testing.TestKeys;
import org.custodian.tokens.TokenIssuers;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Real HTTP servers standing in for consent-, sharing- and retention-service's per-subject exports
 * ({@code GET /internal/v1/schools/{urn}/subjects/{pupilId}}). They verify the service token with the real services'
 * verifier (platform-tokens {@code TokenIssuers}: the service-token key, issuer and audience, role {@code service}
 * alone), require the school in {@code schools}, and answer by the pupil id, so that a test chooses the behaviour by
 * naming its pupil:
 * <ul>
 *   <li>{@code ...-crash-<service>}: that service drops the connection (a crashed service);</li>
 *   <li>{@code ...-slow-<service>}: that service answers after the configured timeout;</li>
 *   <li>{@code ...-e503-<service>}: that service answers 503;</li>
 *   <li>{@code ...-big<N>}: consent holds N/2 decisions and sharing N/2 disclosures;</li>
 *   <li>{@code ...-people}: exports that mention other people: consent gives the requester's own contact data and the
 *       step-parent by relationship, as it does, but also (as an export that did not hold back would) the father
 *       {@link #FATHER} with his name and email, his id in an explanation and a decision, a decision recorded by a member
 *       of staff with a free-text evidence reference, one recorded by the MIS, and the id of {@link #RESTRICTED} (whose
 *       link the test marks restricted); sharing two disclosures by the same member of staff with free-text reasons;</li>
 *   <li>anything else: a small export naming the pupil.</li>
 * </ul>
 * Each answer records the query it was asked with ({@link #queryOf}), so that a test sees who the export was for.
 *
 * <p>A fourth server stands in for accountability-service's published privacy notice
 * ({@code GET /internal/v1/schools/{urn}/privacy-notice}, the same service token): a school has published nothing (404
 * problem+json) until a test {@linkplain #publishNotice publishes} a version for it (see {@link PublishedNotices}), or
 * tells it to {@linkplain #noticeFails fail} (drop the connection, answer after the timeout, or 503). It counts the
 * calls per school ({@link #noticeCalls}).
 */
public class SourceStandIns implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("consent", "sharing", "retention");
    public static final long TIMEOUT_MILLIS = 1500;
    private static final Pattern PATH = Pattern.compile("/internal/v1/schools/(\\d{6})/subjects/([^/]+)");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String FATHER = "G-DAD-1", RESTRICTED = "G-EX-1", STAFF = "admin-7";
    private static final Map<String, String> QUERIES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern NOTICE_PATH = Pattern.compile("/internal/v1/schools/(\\d{6})/privacy-notice");
    private static final Map<String, String> NOTICES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, NoticeFailure> NOTICE_FAILURES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> NOTICE_CALLS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** How the accountability-service stand-in fails for a school. */
    public enum NoticeFailure {
        /** drops the connection (accountability-service is down) */
        CRASH,
        /** answers after three times the timeout */
        SLOW,
        /** answers 503 */
        E503
    }

    /** From now on the school's published notice is this version (accountability-service's answer, as JSON). */
    public static void publishNotice(String urn, String version) {
        NOTICE_FAILURES.remove(urn);
        NOTICES.put(urn, version);
    }

    /** From now on asking for the school's notice fails so. */
    public static void noticeFails(String urn, NoticeFailure how) {
        NOTICE_FAILURES.put(urn, how);
    }

    /** How many times sar-service asked for the school's notice (with a valid service token of the school). */
    public static int noticeCalls(String urn) {
        var calls = NOTICE_CALLS.get(urn);
        return calls == null ? 0 : calls.get();
    }

    /** The query string the last call of a service about the pupil carried (null when it was never asked). */
    public static String queryOf(String service, String pupilId) {
        return QUERIES.get(service + "|" + pupilId);
    }

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(service, request));
            try {
                server.listen(0, "127.0.0.1")
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the " + service + " stand-in", e);
            }
            config.put("custodian.sar.sources." + service + ".url", "http://127.0.0.1:" + server.actualPort());
        }
        HttpServer accountability = vertx.createHttpServer().requestHandler(this::notice);
        try {
            accountability
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the accountability stand-in", e);
        }
        config.put("custodian.sar.sources.accountability.url", "http://127.0.0.1:" + accountability.actualPort());
        config.put("custodian.sar.sources.timeout", TIMEOUT_MILLIS + "ms");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private void handle(String service, HttpServerRequest request) {
        Matcher path = PATH.matcher(request.path());
        if (!path.matches() || !"GET".equals(request.method().name())) {
            request.response().setStatusCode(404).end();
            return;
        }
        String urn = path.group(1);
        String pupil = path.group(2);
        QUERIES.put(service + "|" + pupil, request.query() == null ? "" : request.query());
        int authorized = authorized(request.getHeader("Authorization"), urn);
        if (authorized != 200) {
            request.response().setStatusCode(authorized).end();
            return;
        }
        if (pupil.contains("-crash-" + service)) {
            request.connection().close();
            return;
        }
        if (pupil.contains("-e503-" + service)) {
            request.response().setStatusCode(503).end();
            return;
        }
        long delay = pupil.contains("-slow-" + service) ? TIMEOUT_MILLIS * 3 : 0;
        Runnable answer = () -> request.response()
                .putHeader("Content-Type", "application/json")
                .end(
                        pupil.contains("-people")
                                ? withPeople(service, urn, pupil, request.getParam("requesterId"))
                                : export(service, urn, pupil));
        if (delay > 0) {
            vertx.setTimer(delay, t -> answer.run());
        } else {
            answer.run();
        }
    }

    /** accountability-service's internal privacy-notice export, as the test set it for the school. */
    private void notice(HttpServerRequest request) {
        Matcher path = NOTICE_PATH.matcher(request.path());
        if (!path.matches() || !"GET".equals(request.method().name())) {
            request.response().setStatusCode(404).end();
            return;
        }
        String urn = path.group(1);
        int authorized = authorized(request.getHeader("Authorization"), urn);
        if (authorized != 200) {
            request.response().setStatusCode(authorized).end();
            return;
        }
        NOTICE_CALLS
                .computeIfAbsent(urn, u -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
        NoticeFailure failure = NOTICE_FAILURES.get(urn);
        if (failure == NoticeFailure.CRASH) {
            request.connection().close();
            return;
        }
        if (failure == NoticeFailure.E503) {
            request.response().setStatusCode(503).end();
            return;
        }
        String version = NOTICES.get(urn);
        Runnable answer = () -> {
            if (version == null) {
                request.response()
                        .setStatusCode(404)
                        .putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                + "\"detail\":\"the school has published no privacy notice\"}");
            } else {
                request.response().putHeader("Content-Type", "application/json").end(version);
            }
        };
        if (failure == NoticeFailure.SLOW) {
            vertx.setTimer(TIMEOUT_MILLIS * 3, t -> answer.run());
        } else {
            answer.run();
        }
    }

    /** 200 for a genuine service token of this school; 401 without one or for a token that fails; 403 otherwise. */
    private static int authorized(String header, String urn) {
        if (header == null || !header.startsWith("Bearer ")) {
            return 401;
        }
        JsonWebToken token;
        try {
            token = VERIFIER.parse(header.substring(7));
        } catch (ParseException e) {
            return 401;
        }
        Object schools = token.getClaim("schools");
        boolean school = schools != null && schools.toString().contains("\"" + urn + "\"");
        return token.getGroups().contains(Roles.SERVICE) && school ? 200 : 403;
    }

    /** What consent-, sharing- and retention-service verify with, configured as the test profile configures them. */
    private static final JWTParser VERIFIER = verifier();

    private static JWTParser verifier() {
        JWTAuthContextInfo users = new JWTAuthContextInfo(TestKeys.verificationKey(), TestKeys.ISSUER);
        users.setExpectedAudience(Set.of(TestKeys.AUDIENCE));
        return new TokenIssuers(
                        users,
                        Optional.of(TestKeys.SERVICE_ISSUER),
                        Optional.of(TestKeys.SERVICE_AUDIENCE),
                        Optional.of("custodian-test-keys/servicePublicKey.pem"),
                        Duration.ofMinutes(5))
                .parser();
    }

    static String export(String service, String urn, String pupil) {
        int records = 0;
        Matcher big = Pattern.compile("-big(\\d+)").matcher(pupil);
        if (big.find()) {
            records = Integer.parseInt(big.group(1)) / 2;
        }
        ObjectNode export = MAPPER.createObjectNode();
        export.put("service", service + "-service");
        export.put("schoolUrn", urn);
        export.put("pupilId", pupil);
        export.put("generatedAt", Instant.now().toString());
        ObjectNode data = export.putObject("data");
        switch (service) {
            case "consent" -> {
                export.put(
                        "summary", "The consent decisions recorded for the pupil, and the guardians linked to them.");
                data.putObject("pupil").put("pupilId", pupil).put("yearGroup", 4);
                ArrayNode decisions = data.putArray("decisions");
                decision(decisions, 0, "PHOTOS_WEBSITE", "GRANTED");
                decision(decisions, 1, "BIOMETRIC_CATERING", "REFUSED");
                // as consent-service exports them: every purpose's status with its title (null where unset)
                ArrayNode consents = data.putArray("consents");
                consents.addObject()
                        .put("purpose", "PHOTOS_WEBSITE")
                        .put("title", "Photos on the school website")
                        .put("kind", "STANDARD")
                        .put("status", "GRANTED")
                        .put("permitted", true)
                        .putNull("validUntil")
                        .putArray("explanation")
                        .add("the mother granted (version 1, 2026-01-05T10:00:00Z)");
                consents.addObject()
                        .put("purpose", "BIOMETRIC_CATERING")
                        .put("title", "Fingerprints to pay for school meals")
                        .put("kind", "BIOMETRIC")
                        .put("status", "REFUSED")
                        .put("permitted", false)
                        .putNull("effectiveVersion")
                        .putNull("validUntil")
                        .putArray("explanation")
                        .add("a parent objected");
                for (int i = 2; i < Math.max(2, records); i++) {
                    decision(decisions, i, "TRIP_" + (i % 40), i % 3 == 0 ? "WITHDRAWN" : "GRANTED");
                }
            }
            case "sharing" -> {
                export.put("summary", "Every disclosure of the pupil's data: to whom, on which lawful basis, when.");
                data.putArray("refusedDisclosures")
                        .addObject()
                        .put("recipientName", "Refused Partner Ltd")
                        .putArray("reasons")
                        .add("CONSENT_REFUSED");
                ArrayNode disclosures = data.putArray("disclosures");
                disclosure(disclosures, 0, "Department for Education", "LEGAL_OBLIGATION", "School census");
                disclosure(disclosures, 1, "Wonde Ltd", "CONSENT", "Educational platform sync");
                // as sharing-service exports them: per recipient (id and name) what each was asked, null where unset
                data.putArray("partnerActions")
                        .addObject()
                        .put("recipientId", "9b2f3c1e-0000-4000-8000-00000000abcd")
                        .put("recipientName", "Wonde Ltd")
                        .putArray("actions")
                        .addObject()
                        .put("kind", "STOP_USING")
                        .put("becauseOf", "CONSENT_WITHDRAWN")
                        .put("status", "AWAITING_CONFIRMATION")
                        .putNull("deliveredAt")
                        .putNull("completion");
                for (int i = 2; i < Math.max(2, records); i++) {
                    disclosure(
                            disclosures,
                            i,
                            i % 2 == 0 ? "Hertfordshire County Council" : "Discovery Education",
                            "PUBLIC_TASK",
                            "Routine transfer " + i);
                }
            }
            default -> {
                export.put("summary", "The records held about the pupil and how long each is kept.");
                data.put("pupilId", pupil);
                ArrayNode held = data.putArray("records");
                held.addObject()
                        .put("recordClass", "Pupil educational record")
                        .put("system", "MIS")
                        .put("reference", "EDU-" + pupil)
                        .put("retentionRule", "25 years from date of birth")
                        .put("keptUntil", "2042-09-01")
                        .put("then", "SECURE_DESTRUCTION")
                        .put("onLegalHold", false);
                held.addObject()
                        .put("recordClass", "Photographs and recordings held by consent")
                        .put("system", "Photos")
                        .put("reference", "PH-" + pupil)
                        .put("retentionRule", "until consent is withdrawn; review on leaving")
                        .put("waitingFor", "consent is withdrawn or the pupil leaves")
                        .put("then", "SECURE_DESTRUCTION")
                        .put("onLegalHold", false);
            }
        }
        return export.toString();
    }

    /** The {@code -people} exports (see the class comment). */
    static String withPeople(String service, String urn, String pupil, String requester) {
        ObjectNode export = MAPPER.createObjectNode();
        export.put("service", service + "-service")
                .put("schoolUrn", urn)
                .put("pupilId", pupil)
                .put("generatedAt", Instant.now().toString())
                .put("summary", "The " + service + " data about the pupil.");
        ObjectNode data = export.putObject("data");
        switch (service) {
            case "consent" -> {
                data.putObject("pupil")
                        .put("pupilId", pupil)
                        .put("givenName", "Ava")
                        .put("familyName", "Lovelace");
                data.putObject("requester")
                        .put("type", "GUARDIAN")
                        .put("guardianId", requester)
                        .put("name", "Maria Mother")
                        .put("email", "maria.mother@example.org")
                        .put("relationship", "MOTHER");
                ArrayNode guardians = data.putArray("guardians");
                guardians
                        .addObject()
                        .put("guardianId", FATHER)
                        .put("name", "David Father")
                        .put("email", "david.father@example.org")
                        .put("relationship", "FATHER")
                        .put("parentalResponsibility", true)
                        .put("description", "father");
                guardians
                        .addObject()
                        .put("guardianId", requester)
                        .put("relationship", "MOTHER")
                        .put("parentalResponsibility", true)
                        .put("description", "you (mother)")
                        .put("you", true);
                guardians
                        .addObject()
                        .put("relationship", "STEP_PARENT")
                        .put("parentalResponsibility", false)
                        .put("description", "step-parent without parental responsibility");
                ObjectNode status = data.putArray("consents")
                        .addObject()
                        .put("purpose", "PHOTO_WEBSITE")
                        .put("status", "WITHDRAWN");
                status.putArray("explanation")
                        .add("guardian " + requester + " granted (version 1)")
                        .add("guardian " + FATHER + " withdrew (version 1)")
                        .add("guardian " + RESTRICTED + " refused (version 1)")
                        .add("the most restrictive decision wins");
                ArrayNode decisions = data.putArray("decisions");
                decisions
                        .addObject()
                        .put("decisionId", "D-1")
                        .put("purpose", "PHOTO_WEBSITE")
                        .put("decision", "GRANTED")
                        .put("relationship", "MOTHER")
                        .put("method", "ONLINE")
                        .put("recordedBy", requester)
                        .put("recordedByRole", "parent")
                        .putObject("giver")
                        .put("type", "GUARDIAN")
                        .put("id", requester);
                decisions
                        .addObject()
                        .put("decisionId", "D-2")
                        .put("purpose", "PHOTO_WEBSITE")
                        .put("decision", "WITHDRAWN")
                        .put("relationship", "FATHER")
                        .put("method", "PAPER")
                        .put("evidenceRef", "Form signed by Mr Father")
                        .put("recordedBy", STAFF)
                        .put("recordedByRole", "school-admin")
                        .putObject("giver")
                        .put("type", "GUARDIAN")
                        .put("id", FATHER);
                decisions
                        .addObject()
                        .put("decisionId", "D-3")
                        .put("purpose", "PHOTO_PRESS")
                        .put("decision", "GRANTED")
                        .put("relationship", "MOTHER")
                        .put("method", "MIS_IMPORT")
                        .put("recordedBy", "sims-sync")
                        .put("recordedByRole", "mis")
                        .putObject("giver")
                        .put("type", "GUARDIAN")
                        .put("id", requester);
            }
            case "sharing" -> {
                ArrayNode disclosures = data.putArray("disclosures");
                disclosures
                        .addObject()
                        .put("recipientName", "Department for Education")
                        .put("lawfulBasis", "LEGAL_OBLIGATION")
                        .put("reason", "Termly census return")
                        .put("disclosedBy", STAFF)
                        .put("disclosedByRole", "school-admin");
                disclosures
                        .addObject()
                        .put("recipientName", "Hertfordshire Constabulary")
                        .put("lawfulBasis", "LEGAL_OBLIGATION")
                        .put("reason", "Asked by PC Jones after the incident with David Father")
                        .put("disclosedBy", STAFF)
                        .put("disclosedByRole", "school-admin");
            }
            default ->
                data.putArray("records")
                        .addObject()
                        .put("recordClass", "Pupil educational record")
                        .put("reference", "EDU-" + pupil)
                        .put("keptUntil", "2042-09-01");
        }
        return export.toString();
    }

    private static void decision(ArrayNode decisions, int i, String purpose, String decision) {
        decisions
                .addObject()
                .put("decisionId", "D-" + i)
                .put("purpose", purpose)
                .put("purposeVersion", 1)
                .put("decision", decision)
                .put("givenByType", "GUARDIAN")
                .put("givenById", "G-1")
                .put("method", "ONLINE")
                .put(
                        "recordedAt",
                        Instant.parse("2026-01-05T10:00:00Z")
                                .plusSeconds(i * 60L)
                                .toString());
    }

    private static void disclosure(ArrayNode disclosures, int i, String recipient, String basis, String purpose) {
        disclosures
                .addObject()
                .put("disclosureId", "X-" + i)
                .put("recipientName", recipient)
                .put("lawfulBasis", basis)
                .put("purpose", purpose)
                .put("categories", "attendance; assessment")
                .put(
                        "disclosedAt",
                        Instant.parse("2026-01-06T09:00:00Z")
                                .plusSeconds(i * 60L)
                                .toString());
    }
}
