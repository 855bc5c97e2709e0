package org.custodian.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.custodian.platform.idempotency.IdempotencyKeys;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every operation that takes an {@code Idempotency-Key} documents what a replay answers (issue 16, finding 3): the
 * first answer again, marked {@code Idempotent-Replayed}, without the secrets it carried (signing secrets, tokens:
 * shown once, never stored in clear), which {@code Idempotent-Replay-Omitted} names; and that its {@code Location}
 * is a public path (finding 9).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotentReplays implements OASFilter {

    static final String KEY = "A key of the caller's (1 to 255 visible ASCII characters) that makes the request safe "
            + "to retry for 24 hours: the same key and body answer as the first time and do nothing more (the same "
            + "key with another body is a 409). A replay never repeats a secret of the first answer: see "
            + IdempotencyKeys.OMITTED_HEADER + ".";
    static final String REPLAYED = "true when this is the answer kept from the first request with this Idempotency-Key";
    static final String OMITTED = "On a replay: the fields of the first answer that are secrets (a signing secret, a "
            + "token) and are left out of this one, comma-separated. A secret is shown once, in the first answer, and "
            + "is never stored in clear; absent when nothing was left out.";
    static final String LOCATION = "The public path of the resource (/api/v1/…), the same on a replay";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() == null) {
                    continue;
                }
                boolean idempotent = false;
                for (Parameter parameter : operation.getParameters()) {
                    if (parameter.getIn() == Parameter.In.HEADER
                            && IdempotencyKeys.HEADER.equalsIgnoreCase(parameter.getName())) {
                        idempotent = true;
                        if (parameter.getDescription() == null) {
                            parameter.setDescription(KEY);
                        }
                    }
                }
                if (idempotent && operation.getResponses() != null) {
                    Map<String, APIResponse> responses =
                            operation.getResponses().getAPIResponses();
                    if (responses != null) {
                        responses.forEach((status, response) -> {
                            if (status.startsWith("2") && response.getRef() == null) {
                                document(status, response);
                            }
                        });
                    }
                }
            }
        });
    }

    /** A header value's documented bound (the OWASP ruleset wants every string bounded). */
    private static final int MAX_HEADER_LENGTH = 2048;

    private static void document(String status, APIResponse response) {
        addIfAbsent(response, IdempotencyKeys.REPLAYED_HEADER, REPLAYED);
        addIfAbsent(response, IdempotencyKeys.OMITTED_HEADER, OMITTED);
        if (status.equals("201")) {
            addIfAbsent(response, "Location", LOCATION);
        }
    }

    private static void addIfAbsent(APIResponse response, String name, String description) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Header header = OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .maxLength(MAX_HEADER_LENGTH));
        response.addHeader(name, header);
    }
}
