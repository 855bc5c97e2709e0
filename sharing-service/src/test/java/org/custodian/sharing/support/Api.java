package org.custodian.sharing.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.testing.TestTokens;

/** REST calls the tests repeat: as a role of a school, with JSON. */
public final class Api {

    private Api() {}

    public static RequestSpecification as(String role, String urn) {
        return given().header("Authorization", TestTokens.bearer(role, urn)).contentType("application/json");
    }

    /** A partner's token: its subject is the recipient id. */
    public static RequestSpecification partner(String urn, String recipientId) {
        return given().header(
                        "Authorization",
                        TestTokens.role("partner")
                                .school(urn)
                                .subject(recipientId)
                                .bearer())
                .contentType("application/json");
    }

    public static RequestSpecification dpo(String urn) {
        return as("dpo", urn);
    }

    public static String base(String urn) {
        return "/api/v1/schools/" + urn;
    }

    /** Creates a recipient and returns its id. */
    public static String recipient(String urn, String name, String country) {
        return dpo(urn).body(Map.of("name", name, "kind", "PROCESSOR", "country", country))
                .post(base(urn) + "/recipients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String agreement(String urn, Map<String, Object> body) {
        return dpo(urn).body(body)
                .post(base(urn) + "/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An agreement body for a recipient; override or add fields with {@code extra}. */
    public static Map<String, Object> agreementBody(String recipientId, String basis, String purpose, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipientId", recipientId);
        body.put("name", basis + " for " + purpose);
        body.put("purposes", List.of(purpose));
        body.put("dataCategories", List.of("IDENTITY", "ASSESSMENT"));
        body.put("lawfulBasis", basis);
        body.put("validFrom", "2020-01-01");
        if (basis.equals("LEGAL_OBLIGATION")) {
            body.put("legalReference", "Education Act 1996 s.537A");
        }
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        // what the law needs recorded (issue 24), as a careful DPO would write it, unless the test says otherwise
        @SuppressWarnings("unchecked")
        List<String> categories = (List<String>) body.get("dataCategories");
        if (categories.stream().anyMatch(SPECIAL::contains)) {
            body.putIfAbsent("specialCategoryCondition", "SUBSTANTIAL_PUBLIC_INTEREST");
            body.putIfAbsent("schedule1Condition", "SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK");
        }
        if (categories.contains("CRIMINAL_OFFENCES")) {
            body.putIfAbsent("schedule1Condition", "PREVENTING_OR_DETECTING_UNLAWFUL_ACTS");
        }
        if ("CONTRACT".equals(body.get("lawfulBasis"))) {
            body.putIfAbsent("dataSubjectContract", "Trip booking terms signed by the parent for the pupil");
            body.putIfAbsent("recipientRole", "CONTROLLER");
        }
        return body;
    }

    /** Special category data (UK GDPR Art. 9(1)) among the data categories. */
    static final List<String> SPECIAL = List.of("CHARACTERISTICS", "MEDICAL", "SUPPORT", "SAFEGUARDING", "BIOMETRICS");

    /** A disclosure or sharing-check body. */
    public static Map<String, Object> ask(String recipientId, List<String> pupils, String purpose, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipientId", recipientId);
        body.put("pupilIds", pupils);
        body.put("dataCategories", List.of("IDENTITY"));
        body.put("purpose", purpose);
        body.put("reason", "termly sync");
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    public static ValidatableResponse check(String urn, Map<String, Object> body) {
        return dpo(urn).body(body).post(base(urn) + "/sharing-checks").then();
    }

    /** The outcome of a sharing check for one pupil. */
    public static String outcome(String urn, String recipientId, String pupil, String purpose) {
        return check(urn, ask(recipientId, List.of(pupil), purpose))
                .statusCode(200)
                .extract()
                .path("decisions[0].outcome");
    }

    public static List<String> reasons(String urn, String recipientId, String pupil, String purpose) {
        return check(urn, ask(recipientId, List.of(pupil), purpose))
                .statusCode(200)
                .extract()
                .path("decisions[0].reasons");
    }
}
