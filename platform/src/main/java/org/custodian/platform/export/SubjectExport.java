package org.custodian.platform.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * What every service answers at {@code GET /internal/v1/schools/{urn}/subjects/{pupilId}} (roles {@code service} and
 * {@code dpo}; never routed by the gateway): everything it holds about one child, for subject access and
 * portability. {@code data} is the service's own, documented in its README; {@code summary} says in a sentence or two
 * what the data is, for the person who reads the response.
 */
public record SubjectExport(String service, String schoolUrn, String pupilId, Instant generatedAt, String summary,
                            JsonNode data) {

    public static final String PATH = "/internal/v1/schools/{urn}/subjects/{pupilId}";
}
