package org.custodian.retention;

import static org.custodian.retention.testing.RetentionSchool.as;
import static org.custodian.retention.testing.RetentionSchool.base;
import static org.custodian.retention.testing.RetentionSchool.freshSchool;
import static org.custodian.retention.testing.RetentionSchool.holding;
import static org.custodian.retention.testing.RetentionSchool.legalHold;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.custodian.retention.testing.RetentionSchool;
import org.custodian.testing.EveryOperationContract;
import org.custodian.testing.SuccessfulCall;
import org.custodian.testing.TestTokens;

/** Every documented operation against the access matrix, every bad token, and fuzzed input. */
@RetentionTest
class EveryOperationTest extends EveryOperationContract {

    @Override
    protected String service() {
        return "retention";
    }

    @Override
    protected String rootPackage() {
        return "org.custodian.retention";
    }

    @Override
    protected Map<String, Supplier<SuccessfulCall>> successfulCalls() {
        String school = "POST /api/v1/schools/{urn}";
        return Map.of(
                school + "/holdings",
                () -> {
                    String urn = freshSchool();
                    return SuccessfulCall.json(
                            bearer("mis", urn),
                            base(urn) + "/holdings",
                            Map.of(
                                    "holdings",
                                    List.of(holding("ADMISSION_ATTENDANCE_REGISTERS", null, "ADM-X", "2024-09-01"))));
                },
                school + "/legal-holds",
                () -> {
                    String urn = freshSchool();
                    return SuccessfulCall.json(
                            bearer("dpo", urn),
                            base(urn) + "/legal-holds",
                            legalHold("PUPIL", "P-7", null, "litigation", "CLAIM-1"));
                },
                school + "/retention-schedule",
                () -> {
                    String urn = freshSchool();
                    Map<String, Object> rule = new LinkedHashMap<>();
                    rule.put("code", "EXCLUSION_RECORDS");
                    rule.put("description", "Exclusion records");
                    rule.put("trigger", "CLOSED");
                    rule.put("period", "P7Y");
                    rule.put("action", "DESTROY");
                    rule.put("basis", "LEGAL_OBLIGATION");
                    rule.put("citation", "IRMS toolkit");
                    rule.put("reason", "the local authority asks for longer");
                    return SuccessfulCall.json(bearer("dpo", urn), base(urn) + "/retention-schedule", rule);
                },
                school + "/disposal-batches",
                () -> {
                    String urn = freshSchool();
                    dueHolding(urn);
                    return SuccessfulCall.of(bearer("dpo", urn), base(urn) + "/disposal-batches", "{}");
                },
                school + "/disposal-batches/{id}/approval",
                () -> {
                    String urn = freshSchool();
                    dueHolding(urn);
                    String batch = proposedBatch(urn);
                    return SuccessfulCall.of(
                            bearer("dpo", urn),
                            base(urn) + "/disposal-batches/" + batch + "/approval",
                            "{\"note\":\"contract replay\"}");
                },
                school + "/holdings/{id}/destruction-confirmation",
                () -> {
                    String urn = freshSchool();
                    String holding = dueHolding(urn);
                    String batch = proposedBatch(urn);
                    as("dpo", urn)
                            .body("{}")
                            .post(base(urn) + "/disposal-batches/" + batch + "/approval")
                            .then()
                            .statusCode(200);
                    return SuccessfulCall.json(
                            bearer("mis", urn),
                            base(urn) + "/holdings/" + holding + "/destruction-confirmation",
                            Map.of(
                                    "disposedOn",
                                    LocalDate.now().toString(),
                                    "method",
                                    "cross-cut shredding",
                                    "by",
                                    "Office manager"));
                });
    }

    private static String bearer(String role, String urn) {
        return "Bearer "
                + TestTokens.role(role).school(urn).subject(role + "-1").mint();
    }

    /** A pupil record due for destruction; its holding id. */
    private static String dueHolding(String urn) {
        RetentionSchool.pupil(urn, "P-A", LocalDate.parse("1990-01-01"), LocalDate.parse("2008-07-18"));
        return RetentionSchool.register(urn, List.of(holding("PUPIL_RECORD_LAST_SCHOOL", "P-A", "EDU-A", "2001-09-04")))
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    private static String proposedBatch(String urn) {
        return as("dpo", urn)
                .body("{}")
                .post(base(urn) + "/disposal-batches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
