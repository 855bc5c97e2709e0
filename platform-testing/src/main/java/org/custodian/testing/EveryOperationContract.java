package org.custodian.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.custodian.platform.http.BodyLimit;
import org.custodian.platform.pagination.CursorKeys;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problem;
import org.custodian.testing.OpenApiOperations.Operation;
import org.custodian.testing.OpenApiOperations.Parameter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Mechanical checks of every operation a service documents, so that a new endpoint is covered without anyone
 * remembering to: the inventory matches {@code security/access-matrix.csv}; every role is allowed or refused exactly
 * as the matrix says; a token for another school is refused; every bad token is refused; every resource method
 * declares its security; and fuzzed input (malformed JSON, wrong types, hostile strings, impossible dates and ids)
 * never yields a 5xx or a stack trace, is always answered with problem+json, and leaves the database unchanged; on
 * every list, a cursor the service did not issue for it is the same 400 (issue 16, finding 8); every operation
 * taking an {@code Idempotency-Key} replays its answer without the secrets it carried, stores none of them, and
 * names them in {@code Idempotent-Replay-Omitted} (finding 3); every {@code Location}, of a 201 or of a replay, is
 * a public path (finding 9); the document is a contract a generated client can trust (issue 17,
 * {@link DocumentedAnswers}): every 2xx answer documents its body, every object of an answer marks its required
 * fields, schema names are domain names, query parameters say their type and values, and a successful answer has
 * every field its schema requires.
 * Set {@code -Dcustodian.fuzz.cases=N} for a longer fuzzing run (default 6 per field).
 */
public abstract class EveryOperationContract {

    protected static final String SCHOOL = "199999";
    private static final String OTHER_SCHOOL = "199998";
    private static final String UUID_VALUE = "00000000-0000-4000-8000-000000000001";
    private static final Set<String> KERNEL_TABLES = Set.of(
            "outbox_event", "inbox_event", "audit_log", "audit_chain_head", "idempotency_key", "flyway_schema_history");

    /** The service's name in the matrix: {@code consent}, {@code sar}, {@code sharing} or {@code retention}. */
    protected abstract String service();

    /** The service's root package, whose resource classes must all declare their security. */
    protected abstract String rootPackage();

    /**
     * For each operation that takes an {@code Idempotency-Key}, by its key ({@code POST /api/v1/schools/{urn}/…}), a
     * call of it that succeeds (each supplier makes what the call needs, afresh). Every such operation must have one:
     * the replay checks run on them all.
     */
    protected Map<String, java.util.function.Supplier<SuccessfulCall>> successfulCalls() {
        return Map.of();
    }

    /** The operations a token is needed for: every one but the public pages under {@code /public/}. */
    private static List<Operation> operations() {
        return OpenApiOperations.fetch().all().stream()
                .filter(op -> !op.path().startsWith(PUBLIC))
                .toList();
    }

    /** What a school publishes for anyone (DESIGN.md §1: {@code /public/**} without a token). */
    private static List<Operation> publicOperations() {
        return OpenApiOperations.fetch().all().stream()
                .filter(op -> op.path().startsWith(PUBLIC))
                .toList();
    }

    private static final String PUBLIC = "/public/";

    /**
     * A public operation answers without a token and with anyone's: it never asks for one (401) or refuses a role
     * (403), and its refusals are problem+json. A token that is offered and forged may still be a 401 (the gateway
     * strips tokens from public routes, and a browser sends none).
     */
    @TestFactory
    Stream<DynamicTest> aPublicOperationNeedsNoTokenAndRefusesNone() {
        return publicOperations().stream()
                .flatMap(op -> Stream.of("anonymous", "a parent's token", "a forged token")
                        .map(who -> DynamicTest.dynamicTest(who + " " + op.key(), () -> {
                            String bearer = switch (who) {
                                case "anonymous" -> null;
                                case "a parent's token" -> TestTokens.bearer("parent", SCHOOL);
                                default -> BadTokens.values()[0].bearer("dpo", SCHOOL);
                            };
                            Response response = call(op, bearer, minimalBody(op));
                            assertThat(response.statusCode())
                                    .as("%s needs no token (%s)", op.key(), who)
                                    .isNotIn(who.equals("a forged token") ? List.of(403) : List.of(401, 403))
                                    .isLessThan(500);
                            if (response.statusCode() >= 400) {
                                assertThat(response.contentType()).startsWith("application/problem+json");
                            }
                        })));
    }

    private Map<String, AccessMatrix.Row> matrix() {
        return AccessMatrix.of(service());
    }

    @Test
    void theMatrixListsExactlyTheOperationsServed() {
        Set<String> served = operations().stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = new TreeSet<>(matrix().keySet());
        assertThat(served)
                .as("operations served but missing from " + AccessMatrix.FILE)
                .isSubsetOf(listed);
        assertThat(listed)
                .as("rows of " + AccessMatrix.FILE + " that " + service() + " does not serve")
                .isSubsetOf(served);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleIsAllowedOrRefusedAsTheMatrixSays() {
        Map<String, AccessMatrix.Row> matrix = matrix();
        return operations().stream()
                .filter(op -> matrix.containsKey(op.key()))
                .flatMap(op -> AccessMatrix.ROLES.stream()
                        .map(role -> DynamicTest.dynamicTest(role + " " + op.key(), () -> {
                            Response response = call(op, TestTokens.bearer(role, SCHOOL), minimalBody(op));
                            if (matrix.get(op.key()).allowed().get(role)) {
                                assertThat(response.statusCode())
                                        .as("%s may reach %s", role, op.key())
                                        .isNotIn(401, 403);
                                assertAnswerAsDocumented(op, response, role + " " + op.key());
                            } else {
                                assertThat(response.statusCode())
                                        .as("%s is refused %s", role, op.key())
                                        .isEqualTo(403);
                                assertThat(response.contentType()).startsWith("application/problem+json");
                            }
                        })));
    }

    @TestFactory
    Stream<DynamicTest> aTokenForAnotherSchoolIsRefused() {
        Map<String, AccessMatrix.Row> matrix = matrix();
        return operations().stream()
                .filter(op -> op.path().contains("{urn}") && matrix.containsKey(op.key()))
                .flatMap(op -> matrix.get(op.key()).anAllowedRole().stream()
                        .map(role -> DynamicTest.dynamicTest(op.key(), () -> {
                            Response response = call(op, TestTokens.bearer(role, OTHER_SCHOOL), minimalBody(op));
                            assertThat(response.statusCode()).isEqualTo(403);
                            assertThat(response.contentType()).startsWith("application/problem+json");
                        })));
    }

    @TestFactory
    Stream<DynamicTest> everyBadTokenIsRefusedOnEveryOperation() {
        return operations().stream()
                .flatMap(op -> Stream.of(BadTokens.values())
                        .map(bad -> DynamicTest.dynamicTest(bad + " " + op.key(), () -> {
                            Response response = call(op, bad.bearer("dpo", SCHOOL), minimalBody(op));
                            assertThat(response.statusCode()).isEqualTo(401);
                            assertThat(response.contentType()).startsWith("application/problem+json");
                        })));
    }

    /**
     * A genuine service token (the service-token key, issuer and audience, role {@code service} alone) reaches a
     * school's internal operations (the subject exports), which exist for it, and is refused with 403 by every other
     * operation, the operator's platform-wide ones included.
     */
    @TestFactory
    Stream<DynamicTest> aServiceTokenReachesTheInternalOperationsOnly() {
        String bearer = "Bearer " + TestTokens.service().school(SCHOOL).mint();
        return operations().stream()
                .map(op -> DynamicTest.dynamicTest("service " + op.key(), () -> {
                    Response response = call(op, bearer, minimalBody(op));
                    // a school's internal routes (the subject exports) are for service tokens; the operator's
                    // platform-wide
                    // routes (token revocations) are not
                    if (op.path().startsWith("/internal/v1/schools/")) {
                        assertThat(response.statusCode())
                                .as("a service token may reach %s", op.key())
                                .isNotIn(401, 403);
                    } else {
                        assertThat(response.statusCode())
                                .as("a service token is refused %s", op.key())
                                .isEqualTo(403);
                        assertThat(response.contentType()).startsWith("application/problem+json");
                    }
                }));
    }

    /** The anonymous caller: no Authorization header at all. */
    @TestFactory
    Stream<DynamicTest> anAnonymousCallerIsAskedForAToken() {
        return operations().stream()
                .map(op -> DynamicTest.dynamicTest("anonymous " + op.key(), () -> {
                    Response response = call(op, null, minimalBody(op));
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
                }));
    }

    @Test
    void everyResourceMethodDeclaresItsSecurity() throws IOException {
        Path classes = Path.of("target/classes");
        List<String> undeclared = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.startsWith(rootPackage()) || name.contains("$")) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (isEndpoint(method)) {
                        checked++;
                        if (!declaresSecurity(method) && !declaresSecurity(type)) {
                            undeclared.add(type.getSimpleName() + "." + method.getName());
                        }
                    }
                }
            }
        }
        assertThat(checked).as("resource methods found under " + rootPackage()).isPositive();
        assertThat(undeclared)
                .as("resource methods without @RolesAllowed, @PermitAll or @DenyAll")
                .isEmpty();
    }

    /** The list operations: those documenting a {@code cursor} query parameter. */
    private static List<Operation> lists(Map<String, AccessMatrix.Row> matrix) {
        return operations().stream()
                .filter(op -> matrix.containsKey(op.key())
                        && op.in("query").stream().anyMatch(p -> p.name().equals("cursor")))
                .toList();
    }

    /**
     * Issue 16, finding 8: on every list, a cursor the service did not issue for that list (the penetration test's
     * NUL and bad date, a value changed and re-encoded, a flipped byte, cut short, another list's, under another key,
     * junk) is the same 400 problem naming {@code cursor}, never a 5xx; and a cursor it did issue for the list is taken.
     */
    @TestFactory
    Stream<DynamicTest> aCursorNotIssuedForTheListIsTheSame400() {
        Map<String, AccessMatrix.Row> matrix = matrix();
        List<Operation> lists = lists(matrix);
        CursorKeys keys = TamperedCursors.keys();
        Problem expected = PageRequest.badCursor().problem();
        return lists.stream()
                .flatMap(op -> matrix.get(op.key()).anAllowedRole().stream().flatMap(role -> {
                    String bearer = TestTokens.bearer(role, SCHOOL);
                    String another = lists.stream()
                            .map(Operation::key)
                            .filter(key -> !key.equals(op.key()))
                            .findFirst()
                            .orElse("GET /api/v1/elsewhere");
                    Stream<DynamicTest> own = Stream.of(DynamicTest.dynamicTest("its own cursor on " + op.key(), () -> {
                        Response response = call(
                                op,
                                bearer,
                                minimalBody(op),
                                Map.of("cursor", TamperedCursors.firstPageOf(op.key(), keys)),
                                Map.of());
                        assertThat(response.statusCode())
                                .as("%s with its own cursor", op.key())
                                .isLessThan(500);
                        if (response.statusCode() == 400) {
                            assertThat(response.jsonPath().getList("errors.field", String.class))
                                    .as("a cursor %s issued for %s is taken as one", service(), op.key())
                                    .doesNotContain("cursor");
                        }
                    }));
                    Stream<DynamicTest> refused =
                            TamperedCursors.notIssuedFor(op.key(), another, keys).entrySet().stream()
                                    .map(cursor -> DynamicTest.dynamicTest(cursor.getKey() + " on " + op.key(), () -> {
                                        Response response = call(
                                                op,
                                                bearer,
                                                minimalBody(op),
                                                Map.of("cursor", cursor.getValue()),
                                                Map.of());
                                        String what = op.key() + " with " + cursor.getKey();
                                        assertThat(response.statusCode())
                                                .as(what)
                                                .isEqualTo(400);
                                        assertThat(response.contentType())
                                                .as(what)
                                                .startsWith("application/problem+json");
                                        assertThat(response.jsonPath().getString("detail"))
                                                .as(what)
                                                .isEqualTo(expected.detail());
                                        assertThat(response.jsonPath().getList("errors.field", String.class))
                                                .as(what)
                                                .containsExactly("cursor");
                                    }));
                    return Stream.concat(own, refused);
                }));
    }

    /**
     * Cursors the service did issue for the list, holding values the list never writes there (bad dates, words for
     * numbers, too few or too many values): read strictly, never a 5xx, a refusal is problem+json.
     */
    @TestFactory
    Stream<DynamicTest> aCursorOfTheListWithUnexpectedValuesNeverBreaksIt() {
        Map<String, AccessMatrix.Row> matrix = matrix();
        CursorKeys keys = TamperedCursors.keys();
        return lists(matrix).stream()
                .flatMap(op -> matrix.get(op.key()).anAllowedRole().stream()
                        .flatMap(role -> TamperedCursors.sealedWithUnexpectedValues(op.key(), keys).entrySet().stream()
                                .map(cursor -> DynamicTest.dynamicTest(cursor.getKey() + " on " + op.key(), () -> {
                                    Response response = call(
                                            op,
                                            TestTokens.bearer(role, SCHOOL),
                                            minimalBody(op),
                                            Map.of("cursor", cursor.getValue()),
                                            Map.of());
                                    String what = op.key() + " with a cursor of " + cursor.getKey();
                                    assertThat(response.statusCode())
                                            .as("never a 5xx: %s", what)
                                            .isLessThan(500);
                                    if (response.statusCode() >= 400) {
                                        assertThat(response.contentType())
                                                .as(what)
                                                .startsWith("application/problem+json");
                                    }
                                }))));
    }

    /** The operations that take an {@code Idempotency-Key} header. */
    private static List<Operation> idempotent(Map<String, AccessMatrix.Row> matrix) {
        return operations().stream()
                .filter(op -> matrix.containsKey(op.key())
                        && op.in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase(IDEMPOTENCY_KEY)))
                .toList();
    }

    @Test
    void everyOperationTakingAnIdempotencyKeyHasASuccessfulCall() {
        Set<String> idempotent =
                idempotent(matrix()).stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> registered = new TreeSet<>(successfulCalls().keySet());
        assertThat(registered)
                .as("operations taking an Idempotency-Key without a successful call in successfulCalls()")
                .containsAll(idempotent);
        assertThat(idempotent)
                .as("successfulCalls() for operations that do not take an Idempotency-Key")
                .containsAll(registered);
    }

    /**
     * Issue 16, findings 3 and 9: every operation taking an {@code Idempotency-Key}, called twice with one key,
     * answers the second time with the first status and answer, marked as a replay, but without any secret the first
     * answer carried (those are named in {@code Idempotent-Replay-Omitted}), and no secret is kept in the
     * idempotency store; its {@code Location}, the first time and on the replay, is a public path.
     */
    @TestFactory
    Stream<DynamicTest> aReplayRepeatsTheAnswerWithoutItsSecretsAndWithAPublicLocation() {
        Map<String, java.util.function.Supplier<SuccessfulCall>> calls = successfulCalls();
        return idempotent(matrix()).stream()
                .filter(op -> calls.containsKey(op.key()))
                .map(op -> DynamicTest.dynamicTest(op.key(), () -> {
                    SuccessfulCall call = calls.get(op.key()).get();
                    assertThat(call.path())
                            .as("the successful call of %s is a call of it", op.key())
                            .matches(template(op.path()));
                    String key = "contract-" + UUID.randomUUID();
                    Response first = send(op, call, key);
                    assertThat(first.statusCode())
                            .as("the successful call of %s succeeds: %s", op.key(), first.asString())
                            .isBetween(200, 299);
                    assertAnswerAsDocumented(op, first, "the successful call of " + op.key());
                    Response replay = send(op, call, key);
                    String what = "the replay of " + op.key();
                    assertThat(replay.statusCode()).as(what).isEqualTo(first.statusCode());
                    assertThat(replay.header(IDEMPOTENT_REPLAYED)).as(what).isEqualTo("true");

                    Map<String, String> secrets = AnswerSecrets.in(first.asString());
                    Set<String> omitted = replay.header(REPLAY_OMITTED) == null
                            ? Set.of()
                            : Stream.of(replay.header(REPLAY_OMITTED).split(","))
                                    .map(String::trim)
                                    .collect(Collectors.toSet());
                    assertThat(omitted)
                            .as("%s names the secrets it leaves out in %s", what, REPLAY_OMITTED)
                            .containsAll(secrets.keySet());
                    try (Connection db = PostgresResource.connect()) {
                        for (Map.Entry<String, String> secret : secrets.entrySet()) {
                            assertThat(replay.asString())
                                    .as("%s repeats no secret (%s)", what, secret.getKey())
                                    .doesNotContain(secret.getValue());
                            assertThat(storedWith(db, secret.getValue()))
                                    .as("the idempotency store keeps no secret of %s (%s)", op.key(), secret.getKey())
                                    .isZero();
                        }
                    }
                    Set<String> left = new TreeSet<>(omitted);
                    left.addAll(secrets.keySet());
                    assertThat(AnswerSecrets.without(replay.asString(), left))
                            .as("%s is the first answer, less its secrets", what)
                            .isEqualTo(AnswerSecrets.without(first.asString(), left));

                    assertPublicLocation(first, op.key());
                    assertPublicLocation(replay, what);
                    assertThat(replay.header("Location"))
                            .as("%s has the first answer's Location", what)
                            .isEqualTo(first.header("Location"));
                }));
    }

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    private static final String REPLAY_OMITTED = "Idempotent-Replay-Omitted";

    /** A regular expression matching the paths of a path template. */
    private static String template(String path) {
        return Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
    }

    private static Response send(Operation op, SuccessfulCall call, String key) {
        RequestSpecification request =
                given().header("Authorization", call.bearer()).header(IDEMPOTENCY_KEY, key);
        call.headers().forEach(request::header);
        for (SuccessfulCall.Part part : call.parts()) {
            request.multiPart(part.name(), part.fileName(), part.content(), part.mediaType());
        }
        if (call.body() != null) {
            request.contentType(op.bodyType() == null ? "application/json" : op.bodyType())
                    .body(call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Response response = request.urlEncodingEnabled(false).request(op.method(), call.path());
        assertPublicLocation(response, op.key());
        return response;
    }

    private static long storedWith(Connection db, String secret) throws SQLException {
        try (java.sql.PreparedStatement count =
                db.prepareStatement("SELECT count(*) FROM idempotency_key k WHERE strpos(k::text, ?) > 0")) {
            count.setString(1, secret);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Issue 16, finding 9: a 201 says where the resource is, and every {@code Location} is a public path
     * ({@code /api/v1/…}), never an address with a scheme, host or port.
     */
    static void assertPublicLocation(Response response, String what) {
        String location = response.header("Location");
        if (response.statusCode() == 201) {
            assertThat(location).as("the 201 of %s has a Location", what).isNotNull();
        }
        if (location != null) {
            assertThat(location)
                    .as("the Location of %s is a public path", what)
                    .startsWith("/")
                    .doesNotStartWith("//")
                    .doesNotContain("://")
                    .doesNotContain("127.0.0.1")
                    .doesNotContain("localhost");
        }
    }

    @TestFactory
    Stream<DynamicTest> fuzzedInputNeverBreaksTheService() {
        Map<String, AccessMatrix.Row> matrix = matrix();
        int cases = Integer.getInteger("custodian.fuzz.cases", 6);
        return operations().stream()
                .filter(op -> matrix.containsKey(op.key()))
                .flatMap(op -> matrix.get(op.key()).anAllowedRole().stream()
                        .map(role -> DynamicTest.dynamicTest(
                                op.key(), () -> fuzz(op, TestTokens.bearer(role, SCHOOL), cases))));
    }

    private void fuzz(Operation op, String bearer, int cases) throws SQLException {
        List<Input> inputs = new ArrayList<>();
        if (op.takesJson()) {
            Fuzz.malformedJson().forEach(body -> inputs.add(new Input(body, Map.of(), Map.of())));
            Map<String, JsonNode> properties = OpenApiOperations.fetch().properties(op.bodySchema());
            for (String field : properties.keySet()) {
                Fuzz.values(cases)
                        .forEach(value ->
                                inputs.add(new Input("{\"" + field + "\":" + value + "}", Map.of(), Map.of())));
            }
        }
        for (Parameter p : op.in("query")) {
            List<String> values = new ArrayList<>(Fuzz.strings(cases));
            if (p.name().equals("cursor")) {
                CursorKeys keys = TamperedCursors.keys();
                values.addAll(TamperedCursors.notIssuedFor(op.key(), "GET /api/v1/elsewhere", keys)
                        .values());
                values.addAll(TamperedCursors.sealedWithUnexpectedValues(op.key(), keys)
                        .values());
            }
            values.forEach(value -> inputs.add(new Input(minimalBody(op), Map.of(p.name(), value), Map.of())));
        }
        for (Parameter p : op.in("path")) {
            if (!p.name().equals("urn")) {
                Fuzz.ids().forEach(value -> inputs.add(new Input(minimalBody(op), Map.of(), Map.of(p.name(), value))));
            }
        }
        try (Connection db = PostgresResource.connect()) {
            String counts = countingQuery(db);
            for (Input input : inputs) {
                check(op, bearer, input, db, counts);
            }
        }
        System.out.printf(
                "FUZZ %s: %d inputs, no 5xx, no stack trace, nothing stored when refused%n", op.key(), inputs.size());
    }

    /**
     * OWASP API3: a property the caller may not set ({@code schoolUrn}, {@code id}, {@code status}, {@code createdBy},
     * {@code role}, or any other not documented for the request) is refused by name before anything is stored, on
     * every operation that takes JSON.
     */
    @TestFactory
    Stream<DynamicTest> propertiesNotDocumentedForARequestAreRefusedByName() {
        Map<String, AccessMatrix.Row> matrix = matrix();
        OpenApiOperations document = OpenApiOperations.fetch();
        return operations().stream()
                .filter(op -> matrix.containsKey(op.key())
                        && op.takesJson()
                        && op.bodySchema() != null
                        && (op.bodySchema().has("properties")
                                || "object".equals(op.bodySchema().path("type").asText())))
                .flatMap(op -> matrix.get(op.key()).anAllowedRole().stream().flatMap(role -> {
                    Set<String> documented =
                            document.properties(op.bodySchema()).keySet();
                    return Stream.of("schoolUrn", "id", "status", "createdBy", "role", "__unknown")
                            .filter(field -> !documented.contains(field))
                            .map(field -> DynamicTest.dynamicTest(field + " on " + op.key(), () -> {
                                try (Connection db = PostgresResource.connect()) {
                                    String counts = countingQuery(db);
                                    String before = rowCounts(db, counts);
                                    Response response = call(
                                            op,
                                            TestTokens.bearer(role, SCHOOL),
                                            "{\"" + field + "\":\"" + OTHER_SCHOOL + "\"}");
                                    assertThat(response.statusCode())
                                            .as("%s with %s", op.key(), field)
                                            .isEqualTo(400);
                                    assertThat(response.contentType()).startsWith("application/problem+json");
                                    assertThat(response.jsonPath().getList("errors.field", String.class))
                                            .as("the refused property is named")
                                            .contains(field);
                                    assertThat(rowCounts(db, counts))
                                            .as("nothing stored")
                                            .isEqualTo(before);
                                }
                            }));
                }));
    }

    private static void check(Operation op, String bearer, Input input, Connection db, String counts)
            throws SQLException {
        String before = rowCounts(db, counts);
        Response response = call(op, bearer, input.body(), input.query(), input.path());
        String what = op.key() + " with " + input;
        assertThat(response.statusCode()).as("never a 5xx: %s", what).isLessThan(500);
        String body = response.asString();
        assertThat(body)
                .as("never a stack trace: %s", what)
                .doesNotContain("\tat ")
                .doesNotContain("Exception:");
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).as("problem+json: %s", what).startsWith("application/problem+json");
            assertThat(rowCounts(db, counts)).as("nothing stored: %s", what).isEqualTo(before);
        }
    }

    private record Input(String body, Map<String, String> query, Map<String, String> path) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "…" : body;
            return "body " + shown + (query.isEmpty() ? "" : " query " + query)
                    + (path.isEmpty() ? "" : " path " + path);
        }
    }

    // ---- calling an operation ------------------------------------------------------------------------------------

    private static String minimalBody(Operation op) {
        return op.bodyType() == null ? null : op.takesJson() ? "{}" : "";
    }

    private static Response call(Operation op, String bearer, String body) {
        return call(op, bearer, body, Map.of(), Map.of());
    }

    private static Response call(
            Operation op, String bearer, String body, Map<String, String> query, Map<String, String> pathValues) {
        RequestSpecification request = bearer == null ? given() : given().header("Authorization", bearer);
        if (body != null) {
            request.contentType(op.bodyType()).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String path = op.path();
        for (Parameter p : op.in("path")) {
            String value = pathValues.containsKey(p.name()) ? pathValues.get(p.name()) : pathValue(p);
            path = path.replace("{" + p.name() + "}", encode(value));
        }
        // parameters an operation does not document (inherited ones, for instance) still need a value
        path = path.replace("{urn}", SCHOOL).replaceAll("\\{[^}/]+}", "FIXTURE-1");
        path += query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", query.isEmpty() ? "" : "?", ""));
        Response response = request.urlEncodingEnabled(false).request(op.method(), path);
        assertPublicLocation(response, op.key());
        return response;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String pathValue(Parameter p) {
        if (p.name().equals("urn")) {
            return SCHOOL;
        }
        return p.schema() != null && "uuid".equals(p.schema().path("format").asText()) ? UUID_VALUE : "FIXTURE-1";
    }

    // ---- issue 17: the document is a contract a generated client can trust ---------------------------------------

    /** Every 2xx answer but 204 and 304 documents its body (a binary one as a {@code format: binary} string). */
    @Test
    void everySuccessfulAnswerDocumentsItsBody() {
        assertThat(DocumentedAnswers.fetch().answersWithoutABody())
                .as("2xx answers of %s without a documented body", service())
                .isEmpty();
    }

    /**
     * Every object schema of a 2xx answer marks its required properties (the kernel's {@code RequiredProperties}
     * filter marks every property not declared nullable), or says why none is ({@code x-custodian-all-optional}).
     */
    @Test
    void everyObjectOfAnAnswerMarksItsRequiredProperties() {
        assertThat(DocumentedAnswers.fetch().answerSchemasWithoutRequired())
                .as("object schemas of %s's answers that mark no property required", service())
                .isEmpty();
    }

    /** Schema names are domain names, not Java's ({@code MeResource_me}, {@code Status2}). */
    @Test
    void schemaNamesAreDomainNames() {
        assertThat(DocumentedAnswers.fetch().javaNames())
                .as("schema names of %s that leak Java", service())
                .isEmpty();
    }

    /** Every query parameter has a type, and a string one its enum, format or pattern (or is declared free text). */
    @Test
    void everyQueryParameterIsTypedWithItsValues() {
        assertThat(DocumentedAnswers.fetch().untypedQueryParameters())
                .as("query parameters of %s without a type or their values", service())
                .isEmpty();
    }

    private static DocumentedAnswers documented;

    /**
     * A successful JSON answer has every property its documented schema requires, and null only where the schema
     * allows it: a required field that the service leaves out or sends as null is a lie to a generated client.
     */
    private static void assertAnswerAsDocumented(Operation op, Response response, String what) {
        if (response.statusCode() < 200
                || response.statusCode() > 299
                || response.contentType() == null
                || !response.contentType().startsWith("application/json")) {
            return;
        }
        if (documented == null) {
            documented = DocumentedAnswers.fetch();
        }
        assertThat(documented.mismatches(op.method(), op.path(), response.statusCode(), response.asString()))
                .as("the answer of %s (%d) as its schema says: %s", what, response.statusCode(), response.asString())
                .isEmpty();
    }

    // ---- issue 16, findings 7 and 14: bodies, headers, parser errors ---------------------------------------------

    /**
     * Issue 16, finding 7: on every operation that takes a body, a body sent without a length (chunked) and larger
     * than the operation accepts (the kernel's {@code BodyLimit}: uploads take more than JSON) is a 413 problem and
     * changes nothing.
     */
    @TestFactory
    Stream<DynamicTest> aChunkedBodyOverTheOperationsLimitIs413AndChangesNothing() {
        Map<String, AccessMatrix.Row> matrix = matrix();
        BodyLimit limits = BodyLimit.fromConfig();
        return operations().stream()
                .filter(op -> op.bodyType() != null && matrix.containsKey(op.key()))
                .flatMap(op -> matrix.get(op.key()).anAllowedRole().stream()
                        .map(role -> DynamicTest.dynamicTest("chunked over the limit " + op.key(), () -> {
                            String path = concretePath(op);
                            long limit = limits.limitFor(path);
                            assertThat(limit)
                                    .as("%s has a body limit", op.key())
                                    .isLessThan(Long.MAX_VALUE);
                            long size = limit + 65_536;
                            try (Connection db = PostgresResource.connect()) {
                                String counts = countingQuery(db);
                                String before = rowCounts(db, counts);
                                HttpResponse<String> response = ChunkedBodies.send(
                                        op.method(), path, TestTokens.bearer(role, SCHOOL), op.bodyType(), size);
                                String what = op.key() + " with a chunked body of " + size + " bytes";
                                assertThat(response.statusCode()).as(what).isEqualTo(413);
                                assertThat(response.headers().firstValue("Content-Type"))
                                        .as(what)
                                        .hasValueSatisfying(
                                                type -> assertThat(type).startsWith("application/problem+json"));
                                assertThat(rowCounts(db, counts))
                                        .as("nothing stored: %s", what)
                                        .isEqualTo(before);
                            }
                        })));
    }

    /**
     * Issue 16, finding 14: every answer of every operation (allowed, refused, unauthenticated) says
     * {@code Cache-Control: no-store} (it may carry personal data) and {@code X-Content-Type-Options: nosniff}; so do
     * an unknown path (both) and the health check (nosniff).
     */
    @TestFactory
    Stream<DynamicTest> everyAnswerIsNotToBeStoredOrSniffed() {
        Map<String, AccessMatrix.Row> matrix = matrix();
        Stream<DynamicTest> perOperation = operations().stream()
                .filter(op -> matrix.containsKey(op.key()))
                .map(op -> DynamicTest.dynamicTest("headers " + op.key(), () -> {
                    AccessMatrix.Row row = matrix.get(op.key());
                    Map<String, String> callers = new LinkedHashMap<>();
                    callers.put("anonymous", null);
                    row.anAllowedRole().ifPresent(role -> callers.put(role, TestTokens.bearer(role, SCHOOL)));
                    AccessMatrix.ROLES.stream()
                            .filter(role -> !row.allowed().get(role))
                            .findFirst()
                            .ifPresent(role -> callers.put(role, TestTokens.bearer(role, SCHOOL)));
                    for (Map.Entry<String, String> caller : callers.entrySet()) {
                        Response response = call(op, caller.getValue(), minimalBody(op));
                        String what = op.key() + " as " + caller.getKey() + " (" + response.statusCode() + ")";
                        AnswerHeaders.assertNotStoredOrSniffed(response, what);
                    }
                }));
        Stream<DynamicTest> elsewhere = Stream.of(
                DynamicTest.dynamicTest("headers on an unknown path", () -> {
                    Response response = given().header("Authorization", TestTokens.bearer("dpo", SCHOOL))
                            .get("/api/v1/schools/" + SCHOOL + "/no-such-thing");
                    assertThat(response.statusCode()).isEqualTo(404);
                    AnswerHeaders.assertNotStoredOrSniffed(response, "an unknown path");
                }),
                DynamicTest.dynamicTest("headers on the health check", () -> {
                    AnswerHeaders.assertNotSniffed(given().get("/q/health/live"), "the health check");
                }));
        return Stream.concat(perOperation, elsewhere);
    }

    /**
     * Issue 16, finding 14: malformed JSON and values of the wrong type are a 400 problem in plain words, naming the
     * field (or the position in the body), never the parser's internals; a string where a number or a boolean belongs,
     * or a number where a boolean does, is refused rather than converted.
     */
    @TestFactory
    Stream<DynamicTest> parserErrorsNameTheFieldInPlainWords() {
        Map<String, AccessMatrix.Row> matrix = matrix();
        OpenApiOperations document = OpenApiOperations.fetch();
        return operations().stream()
                .filter(op -> op.takesJson() && matrix.containsKey(op.key()))
                .flatMap(op -> matrix.get(op.key()).anAllowedRole().stream()
                        .map(role -> DynamicTest.dynamicTest("parser errors " + op.key(), () -> {
                            String bearer = TestTokens.bearer(role, SCHOOL);
                            try (Connection db = PostgresResource.connect()) {
                                String counts = countingQuery(db);
                                for (String body : Fuzz.malformedJson()) {
                                    Response response = call(op, bearer, body);
                                    String what = op.key() + " with " + new Input(body, Map.of(), Map.of());
                                    assertThat(response.statusCode()).as(what).isEqualTo(400);
                                    assertPlain(response, what);
                                }
                                Map<String, JsonNode> properties =
                                        op.bodySchema() == null ? Map.of() : document.properties(op.bodySchema());
                                for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
                                    String field = property.getKey();
                                    String type =
                                            property.getValue().path("type").asText("");
                                    for (String value : wrongValuesFor(type)) {
                                        String before = rowCounts(db, counts);
                                        String body = "{\"" + field + "\":" + value + "}";
                                        Response response = call(op, bearer, body);
                                        String what = op.key() + " with " + body + " (" + type + ")";
                                        assertThat(response.statusCode())
                                                .as(what)
                                                .isEqualTo(400);
                                        assertPlain(response, what);
                                        assertThat(response.jsonPath().getList("errors.field", String.class))
                                                .as("the field is named: %s", what)
                                                .contains(field);
                                        assertThat(rowCounts(db, counts))
                                                .as("nothing stored: %s", what)
                                                .isEqualTo(before);
                                    }
                                }
                            }
                        })));
    }

    /** Values no field of that OpenAPI type may take, strings for numbers and booleans among them. */
    private static List<String> wrongValuesFor(String type) {
        return switch (type) {
            case "integer" -> List.of("\"5\"", "true", "1.5", "{}");
            case "number" -> List.of("\"5\"", "true", "{}");
            case "boolean" -> List.of("\"true\"", "1", "{}");
            case "string" -> List.of("{}");
            case "array" -> List.of("{}", "\"x\"");
            default -> List.of();
        };
    }

    /** What a parser error must never show: Java and Jackson names, the parser's own source and location dumps. */
    private static final Pattern INTERNALS = Pattern.compile(
            "com\\.fasterxml|java\\.|javax\\.|jakarta\\.|LinkedHashMap|HashMap|ArrayList|\\[Source|REDACTED"
                    + "|StreamReadFeature|StreamReadConstraints|Cannot (deserialize|construct|coerce|invoke)|`"
                    + "|\\(code \\d+\\)|Exception|line: \\d|column: \\d");

    private static void assertPlain(Response response, String what) {
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        String body = response.asString();
        assertThat(INTERNALS.matcher(body).find())
                .as("no parser internals in %s: %s", what, body)
                .isFalse();
        assertThat(response.jsonPath().getString("detail")).as(what).isNotBlank();
    }

    /** The path {@link #call} requests for {@code op}, without a query. */
    private static String concretePath(Operation op) {
        String path = op.path();
        for (Parameter p : op.in("path")) {
            path = path.replace("{" + p.name() + "}", encode(pathValue(p)));
        }
        return path.replace("{urn}", SCHOOL).replaceAll("\\{[^}/]+}", "FIXTURE-1");
    }

    // ---- the database --------------------------------------------------------------------------------------------

    /** One query giving exact row counts of the service's own tables (not the kernel's outbox, inbox, audit or idempotency tables). */
    private static String countingQuery(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (rows.next()) {
                if (!KERNEL_TABLES.contains(rows.getString(1))) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables.isEmpty()
                ? "SELECT ''"
                : tables.stream()
                        .map(t -> "'" + t + "=' || (SELECT count(*) FROM " + t + ")")
                        .collect(Collectors.joining(" || ',' || ", "SELECT ", ""));
    }

    private static String rowCounts(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    // ---- security annotations ------------------------------------------------------------------------------------

    private static boolean isEndpoint(Method method) {
        return Stream.of(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
    }

    private static boolean declaresSecurity(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class)
                || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    /** Hostile input, drawn from jqwik's generators. */
    static final class Fuzz {

        private Fuzz() {}

        static List<String> malformedJson() {
            return List.of(
                    "{", "{\"a\":", "[1,2", "}{", "nul", "\"\\ud800\"", "{\"a\":1,}", "[".repeat(5000), "\u0000");
        }

        /** JSON values of every wrong kind for a field, plus random ones. */
        static List<String> values(int random) {
            List<String> values = new ArrayList<>(List.of(
                    "null",
                    "true",
                    "-1",
                    "0",
                    "1e309",
                    "99999999999999999999999",
                    "[]",
                    "{}",
                    "[[[[[[[[[[]]]]]]]]]]",
                    json("' OR 1=1; DROP TABLE pupil; --"),
                    json("<script>alert(1)</script>"),
                    json("x".repeat(20_000)),
                    json("\u202e\u0000\u0007 ünïcödé 🧒"),
                    json("2026-02-30"),
                    json("9999-99-99T99:99:99Z"),
                    json("../../etc/passwd")));
            values.addAll(Arbitraries.strings()
                    .ofMaxLength(40)
                    .sampleStream()
                    .limit(random)
                    .map(Fuzz::json)
                    .toList());
            values.addAll(Arbitraries.longs()
                    .sampleStream()
                    .limit(random)
                    .map(String::valueOf)
                    .toList());
            return values;
        }

        static List<String> strings(int random) {
            List<String> values = new ArrayList<>(List.of(
                    "",
                    "-1",
                    "0",
                    "501",
                    "abc",
                    "1e309",
                    "2026-02-30",
                    "P-1D",
                    "%00",
                    "' OR 1=1 --",
                    "<script>",
                    "x".repeat(3000),
                    "\u0000",
                    "ünïcödé"));
            Arbitrary<String> strings = Arbitraries.strings().ofMaxLength(30);
            values.addAll(strings.sampleStream().limit(random).toList());
            return values;
        }

        static List<String> ids() {
            return List.of("x".repeat(300), "' OR 1=1 --", "../../x", "ünï", "%00", "a b", UUID_VALUE.substring(1));
        }

        private static String json(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }
}
