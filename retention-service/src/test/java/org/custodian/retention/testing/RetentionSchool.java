package org.custodian.retention.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.testing.PostgresResource;
import org.custodian.testing.SchoolFixture;
import org.custodian.testing.TestTokens;

/**
 * retention-service's school of a test (platform-testing's {@link SchoolFixture}): schools of their own, calls as a
 * role, holdings and holds as the API takes them, the roster projection, and direct looks at the database. The static
 * helpers take the school's URN; {@link #newSchool()} gives the same as an object.
 */
public final class RetentionSchool extends SchoolFixture {

    private RetentionSchool(String urn) {
        super(urn);
    }

    /** A school no other test uses. */
    public static RetentionSchool newSchool() {
        return new RetentionSchool(randomUrn());
    }

    /** Registers holdings for this school as the MIS. */
    public ValidatableResponse register(List<Map<String, Object>> holdings) {
        return register(urn, holdings);
    }

    /** Tells the roster projection about a pupil of this school. */
    public void pupil(String pupilId, LocalDate born, LocalDate left) {
        pupil(urn, pupilId, born, left);
    }

    /** How many audit rows of an action this school has. */
    public long auditRows(String action) {
        return auditRows(urn, action);
    }

    /** A school URN no other test uses, so tests never see each other's holdings or batches. */
    public static String freshSchool() {
        return randomUrn();
    }

    public static RequestSpecification as(String role, String school) {
        return as(role, school, role + "-1");
    }

    /** Calls as a role for a school with a fixed subject (Idempotency-Keys belong to the subject). */
    public static RequestSpecification as(String role, String school, String subject) {
        return given().header(
                        "Authorization",
                        "Bearer "
                                + TestTokens.role(role)
                                        .school(school)
                                        .subject(subject)
                                        .mint())
                .contentType("application/json");
    }

    public static String base(String school) {
        return "/api/v1/schools/" + school;
    }

    /** One holding as the registration API takes it. */
    public static Map<String, Object> holding(String recordClass, String pupilId, String reference, String createdOn) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("recordClass", recordClass);
        if (pupilId != null) {
            h.put("pupilId", pupilId);
        }
        h.put("system", "SIMS");
        h.put("reference", reference);
        h.put("createdOn", createdOn);
        return h;
    }

    /** A legal hold as the API takes it. */
    public static Map<String, Object> legalHold(
            String scope, String pupilId, String recordClass, String reason, String reference) {
        Map<String, Object> hold = new LinkedHashMap<>();
        hold.put("scope", scope);
        if (pupilId != null) {
            hold.put("pupilId", pupilId);
        }
        if (recordClass != null) {
            hold.put("recordClass", recordClass);
        }
        hold.put("reason", reason);
        hold.put("reference", reference);
        return hold;
    }

    public static Map<String, Object> batch(List<Map<String, Object>> holdings) {
        return Map.of("holdings", holdings);
    }

    public static ValidatableResponse register(String school, List<Map<String, Object>> holdings) {
        return as("mis", school)
                .body(batch(holdings))
                .post(base(school) + "/holdings")
                .then();
    }

    /** Tells the roster projection about a pupil directly (the consumer tests go through Kafka). */
    public static void pupil(String school, String pupilId, LocalDate born, LocalDate left) {
        execute(
                "INSERT INTO pupil (school_urn, pupil_id, date_of_birth, leaving_date, on_roll) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (school_urn, pupil_id) DO UPDATE SET date_of_birth = EXCLUDED.date_of_birth, "
                        + "leaving_date = EXCLUDED.leaving_date",
                school,
                pupilId,
                born,
                left,
                left == null);
    }

    public static List<List<Object>> rows(String sql, Object... params) {
        try (Connection connection = PostgresResource.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int execute(String sql, Object... params) {
        try (Connection connection = PostgresResource.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long auditRows(String school, String action) {
        return count("SELECT count(*) FROM audit_log WHERE school_urn = ? AND action = ?", school, action);
    }
}
