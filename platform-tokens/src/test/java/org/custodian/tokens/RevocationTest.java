package org.custodian.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationTest {

    static final Instant AT = Instant.parse("2026-12-03T09:15:00Z");

    @Test
    void itTravelsAsJson() {
        Revocation subject = Revocation.ofSubject("G-17", "100001", AT);
        assertThat(subject.toJson().toString())
                .isEqualTo("{\"subject\":\"G-17\",\"school\":\"100001\",\"revokedAt\":\"2026-12-03T09:15:00Z\"}");
        assertThat(Revocation.fromJson(subject.toJson())).isEqualTo(subject);
        Revocation everywhere = Revocation.ofTokenId("jti-1", null, AT);
        assertThat(everywhere.toJson().toString())
                .isEqualTo("{\"tokenId\":\"jti-1\",\"revokedAt\":\"2026-12-03T09:15:00Z\"}");
        assertThat(Revocation.fromJson(everywhere.toJson())).isEqualTo(everywhere);
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> Revocation.fromJson(Json.createObjectBuilder()
                        .add("revokedAt", AT.toString())
                        .build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Revocation.fromJson(Json.createObjectBuilder()
                        .add("subject", "G")
                        .add("tokenId", "j")
                        .add("revokedAt", AT.toString())
                        .build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Revocation.fromJson(Json.createObjectBuilder()
                        .add("subject", "G")
                        .add("revokedAt", "yesterday")
                        .build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Revocation.fromJson(Json.createObjectBuilder()
                        .add("subject", "G")
                        .add("school", "1")
                        .add("revokedAt", AT.toString())
                        .build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Revocation.fromJson(Json.createObjectBuilder()
                        .add("subject", 17)
                        .add("revokedAt", AT.toString())
                        .build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
