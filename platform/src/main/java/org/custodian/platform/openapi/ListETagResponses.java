package org.custodian.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.custodian.platform.http.ListETags;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every list documents what {@link ListETags} does (issue 17): the {@code ETag} of its 200, the {@code If-None-Match}
 * it takes, and the 304 it answers when nothing changed. A list is a {@code GET} with the kernel's {@code cursor}
 * query parameter (every {@code Page}), or one that carries {@link ListETags#OPENAPI_EXTENSION} (marked
 * {@code ListETag}), which is removed once read.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ListETagResponses implements OASFilter {

    static final String IF_NONE_MATCH = "If-None-Match";
    static final String ETAG = "ETag";
    static final String TAG = "A strong tag over this answer's body: send it back in If-None-Match to be told 304 when "
            + "nothing has changed.";
    static final String CONDITION = "The ETag of an earlier answer (or several, comma-separated): when the list is "
            + "still the same the answer is 304 with no body.";
    static final String NOT_MODIFIED =
            "Not modified: the list is the same as the one whose ETag was sent in " + "If-None-Match; no body.";
    private static final int MAX_HEADER_LENGTH = 2048;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Operation get = item.getGET();
            if (get != null && isList(get)) {
                document(get);
            }
        }
    }

    static boolean isList(Operation operation) {
        if (removeMark(operation)) {
            return true;
        }
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.QUERY && "cursor".equals(p.getName()));
    }

    /**
     * Removes the mark, which the annotation scanner copies from the method onto its responses too; true when the
     * operation carried it.
     */
    private static boolean removeMark(Operation operation) {
        boolean marked = unmark(operation);
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            marked |= unmark(responses);
            if (responses.getAPIResponses() != null) {
                responses.getAPIResponses().values().forEach(ListETagResponses::unmark);
            }
        }
        return marked;
    }

    private static boolean unmark(Extensible<?> model) {
        Map<String, Object> extensions = model.getExtensions();
        if (extensions == null || !extensions.containsKey(ListETags.OPENAPI_EXTENSION)) {
            return false;
        }
        model.removeExtension(ListETags.OPENAPI_EXTENSION);
        return true;
    }

    private static void document(Operation operation) {
        boolean taken = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IF_NONE_MATCH.equalsIgnoreCase(p.getName()));
        if (!taken) {
            operation.addParameter(OASFactory.createParameter()
                    .name(IF_NONE_MATCH)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description(CONDITION)
                    .schema(text()));
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (ok == null) {
            ok = OASFactory.createAPIResponse().description("The list");
            responses.addAPIResponse("200", ok);
        }
        if (ok.getRef() == null) {
            addTag(ok);
        }
        if (responses.getAPIResponse("304") == null) {
            APIResponse notModified = OASFactory.createAPIResponse().description(NOT_MODIFIED);
            addTag(notModified);
            responses.addAPIResponse("304", notModified);
        }
    }

    private static void addTag(APIResponse response) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(ETAG)) {
            return;
        }
        Header header = OASFactory.createHeader().description(TAG).schema(text());
        response.addHeader(ETAG, header);
    }

    private static Schema text() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(MAX_HEADER_LENGTH);
    }
}
