package org.custodian.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What every service answers at {@code GET /internal/v1/schools/{urn}/subjects/{pupilId}} (roles {@code service} and
 * {@code dpo}; never routed by the gateway): everything it holds about one child, for subject access and
 * portability. {@code data} is the service's own, documented in its README; {@code summary} says in a sentence or two
 * what the data is, for the person who reads the response.
 */
public record SubjectExport(
        String service, String schoolUrn, String pupilId, Instant generatedAt, String summary, JsonNode data) {

    public static final String PATH = "/internal/v1/schools/{urn}/subjects/{pupilId}";
    /** Query parameters naming who a rights request's export is for (see {@link Requester}). */
    public static final String REQUESTER_TYPE = "requesterType";

    public static final String REQUESTER_ID = "requesterId";
    public static final String REQUEST_ID = "requestId";

    /**
     * Who asked: sar-service names the requester of the rights request (a guardian by the MIS's id, or the pupil) and
     * the request on every export call, so that an export carries only the requester's own contact data and, for
     * everyone else, no more than their relationship to the child.
     */
    public record Requester(Type type, String id, UUID requestId) {

        @Schema(name = "ExportRequesterType")
        public enum Type {
            GUARDIAN,
            PUPIL
        }

        /** The query string that names this requester ({@code requesterType=…&requesterId=…&requestId=…}). */
        public String query() {
            return REQUESTER_TYPE + "=" + type + "&" + REQUESTER_ID + "="
                    + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + (requestId == null ? "" : "&" + REQUEST_ID + "=" + requestId);
        }
    }
}
