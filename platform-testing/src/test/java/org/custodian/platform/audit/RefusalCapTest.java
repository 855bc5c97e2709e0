package org.custodian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.custodian.platform.audit.RefusalAudit.Admission;
import org.junit.jupiter.api.Test;

/** The flood cap of refusal auditing: per actor, per minute, the first over the cap said once, the rest dropped. */
class RefusalCapTest {

    @Test
    void eachActorHasItsOwnCapAMinuteAndANewMinuteStartsAfresh() {
        Instant[] now = {Instant.parse("2026-12-07T10:00:05Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        RefusalAudit cap = new RefusalAudit(null, clock, 2, new SimpleMeterRegistry());

        assertThat(cap.admit("a")).isEqualTo(Admission.RECORD);
        assertThat(cap.admit("a")).isEqualTo(Admission.RECORD);
        assertThat(cap.admit("a")).isEqualTo(Admission.CAP);
        assertThat(cap.admit("a")).isEqualTo(Admission.DROP);
        assertThat(cap.admit("b")).isEqualTo(Admission.RECORD);

        now[0] = now[0].plusSeconds(60);
        assertThat(cap.admit("a")).isEqualTo(Admission.RECORD);
    }

    @Test
    void longTextIsCut() {
        assertThat(RefusalAudit.cut("x".repeat(500), 400)).hasSize(400).endsWith("…");
        assertThat(RefusalAudit.cut("short", 400)).isEqualTo("short");
    }

    @Test
    void aPathNamesThePupilFirstElseTheFirstRecordAndNeverAnUnsafeValue() {
        assertThat(AuditSubjects.fromPath(
                        "/api/v1/schools/{urn}/pupils/{pupilId}/consents/{code}",
                        n -> n.equals("pupilId") ? "P1" : "PHOTOS"))
                .isEqualTo("pupils/P1");
        assertThat(AuditSubjects.fromPath("/api/v1/schools/{urn}/requests/{id}/completion", n -> "r-1"))
                .isEqualTo("requests/r-1");
        assertThat(AuditSubjects.fromPath("/api/v1/schools/{urn}/requests/{id}", n -> "'; DROP TABLE x"))
                .isNull();
        assertThat(AuditSubjects.fromPath("/api/v1/schools/{urn}/purposes", n -> "x"))
                .isNull();
        assertThat(AuditSubjects.of("schools/100001/guardians/G1"))
                .isEqualTo(new AuditSubjects.Subject("guardian", "G1"));
        assertThat(AuditSubjects.of("holdings/H1").type()).isEqualTo("retention-record");
        assertThat(AuditSubjects.of(null).inWords()).isEqualTo("the school");
    }
}
