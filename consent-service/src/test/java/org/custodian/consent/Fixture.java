package org.custodian.consent;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.custodian.testing.PostgresResource;
import org.custodian.testing.TestTokens;

/** Builds a school's roster through the API, and looks at rows directly to check what was (not) stored. */
public final class Fixture {

    public final String urn;

    private Fixture(String urn) {
        this.urn = urn;
    }

    /** A school no other test uses. */
    public static Fixture newSchool() {
        return new Fixture(Integer.toString(ThreadLocalRandom.current().nextInt(200_000, 999_999)));
    }

    public String base() {
        return "/api/v1/schools/" + urn;
    }

    public String bearer(String role) {
        return TestTokens.bearer(role, urn);
    }

    public String parent(String guardianId) {
        return TestTokens.role("parent").school(urn).subject(guardianId).bearer();
    }

    public String pupilToken(String pupilId) {
        return TestTokens.role("pupil").school(urn).subject(pupilId).bearer();
    }

    public RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType("application/json");
    }

    public RequestSpecification asMis() {
        return as(bearer("mis"));
    }

    public static String pupilJson(LocalDate dateOfBirth, int yearGroup, LocalDate leavingDate) {
        return "{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"dateOfBirth\":\"" + dateOfBirth
                + "\",\"yearGroup\":" + yearGroup
                + ",\"admissionDate\":\"" + dateOfBirth.plusYears(4) + "\""
                + (leavingDate == null ? "" : ",\"leavingDate\":\"" + leavingDate + "\"") + "}";
    }

    /** Puts a pupil born on {@code dateOfBirth} on the roster. */
    public Response pupil(String pupilId, LocalDate dateOfBirth) {
        return asMis().body(pupilJson(dateOfBirth, 3, null)).put(base() + "/pupils/" + pupilId);
    }

    /** Links a guardian to children, with or without parental responsibility. */
    public Response guardian(String guardianId, boolean parentalResponsibility, String... pupilIds) {
        StringBuilder children = new StringBuilder();
        for (String p : pupilIds) {
            if (children.length() > 0) {
                children.append(',');
            }
            children.append("{\"pupilId\":\"")
                    .append(p)
                    .append("\",\"parentalResponsibility\":")
                    .append(parentalResponsibility)
                    .append(",\"relationship\":\"PARENT\"}");
        }
        return asMis().body("{\"name\":\"Guardian " + guardianId + "\",\"email\":\"" + guardianId.toLowerCase()
                        + "@example.org\"," + "\"children\":[" + children + "]}")
                .put(base() + "/guardians/" + guardianId);
    }

    /** A family: a pupil of the given age and two parents with parental responsibility. */
    public String family(String pupilId, int age, String mum, String dad) {
        pupil(pupilId, LocalDate.now().minusYears(age).minusDays(10)).then().statusCode(201);
        guardian(mum, true, pupilId).then().statusCode(201);
        guardian(dad, true, pupilId).then().statusCode(201);
        return pupilId;
    }

    /** A parent's own online decision. */
    public Response decide(String bearer, String pupilId, String purpose, String decision, String guardianId) {
        return as(bearer)
                .body("{\"purpose\":\"" + purpose + "\",\"decision\":\"" + decision
                        + "\",\"givenBy\":{\"type\":\"GUARDIAN\"," + "\"guardianId\":\"" + guardianId
                        + "\"},\"method\":\"ONLINE\"}")
                .post(base() + "/pupils/" + pupilId + "/consents");
    }

    public Response parentDecides(String guardianId, String pupilId, String purpose, String decision) {
        return decide(parent(guardianId), pupilId, purpose, decision, guardianId);
    }

    public String statusOf(String pupilId, String purpose) {
        return as(bearer("dpo"))
                .get(base() + "/pupils/" + pupilId + "/consents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("statuses.find { it.purpose == '" + purpose + "' }.status");
    }

    public long count(String sql, Object... params) {
        try (Connection c = PostgresResource.connect();
                PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long decisions() {
        return count("SELECT count(*) FROM consent_decision WHERE school_urn = ?", urn);
    }

    public long outboxEvents() {
        return count("SELECT count(*) FROM outbox_event WHERE school_urn = ?", urn);
    }

    public static List<String> ids(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }
}
