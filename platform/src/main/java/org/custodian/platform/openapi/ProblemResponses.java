package org.custodian.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.custodian.platform.http.InputLimits;
import org.custodian.platform.problems.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Every error response of every operation is documented as what it is: an RFC 9457 {@code application/problem+json}
 * body ({@code #/components/schemas/Problem}). Every operation that needs a token documents the standard 401 and
 * 403, so that no resource writes them by hand: the 403 names the roles the operation allows (the scopes of its
 * security requirement, which Quarkus derives from {@code @RolesAllowed}). A domain reason for a 403 belongs in the
 * operation's description.
 */
// again at start-up: the roles of an operation's security requirement are complete only then
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class ProblemResponses implements OASFilter {

    static final String SCHEMA_NAME = "Problem";
    static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA_NAME;
    static final String UNAUTHORIZED =
            "No valid bearer token: missing, expired, wrongly signed, or for another issuer or audience.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(SCHEMA_NAME, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault =
                openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        for (var path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean schoolScoped = path.getKey().contains("{urn}");
            for (Operation operation : path.getValue().getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                boolean secured = operation.getSecurity() == null
                        ? securedByDefault
                        : !operation.getSecurity().isEmpty();
                if (secured) {
                    standard(responses, "401", UNAUTHORIZED);
                    standard(responses, "403", forbidden(operation, securedByDefault ? openAPI : null, schoolScoped));
                }
                Map<String, APIResponse> all = responses.getAPIResponses();
                if (all != null) {
                    all.forEach((status, response) -> {
                        if (isError(status) && response.getRef() == null) {
                            asProblem(response);
                        }
                    });
                }
            }
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static void standard(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else {
            // the framework's own "Not Authorized" / "Not Allowed" say less than ours
            response.setDescription(description);
        }
    }

    /** "The token does not cover this school, or its role is not one of: dpo, auditor." */
    static String forbidden(Operation operation, OpenAPI document, boolean schoolScoped) {
        List<SecurityRequirement> requirements = operation.getSecurity() != null
                ? operation.getSecurity()
                : document == null ? List.of() : document.getSecurity();
        List<String> roles = requirements.stream()
                .filter(requirement -> requirement.getSchemes() != null)
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .filter(scopes -> scopes != null)
                .flatMap(List::stream)
                .distinct()
                .toList();
        String rule =
                roles.isEmpty() ? "may not use this operation." : "is not one of: " + String.join(", ", roles) + ".";
        return schoolScoped ? "The token does not cover this school, or its role " + rule : "The token's role " + rule;
    }

    private static void asProblem(APIResponse response) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        if (content.getMediaTypes() != null) {
            // an error is never answered as plain JSON: move any example the resource gave onto the problem type
            var json = content.getMediaTypes().get("application/json");
            if (json != null) {
                content.removeMediaType("application/json");
                if (content.getMediaType(Problem.MEDIA_TYPE) == null) {
                    content.addMediaType(Problem.MEDIA_TYPE, json.schema(ref()));
                }
            }
        }
        var problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            content.addMediaType(
                    Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(ref()));
        } else if (problem.getSchema() == null) {
            problem.setSchema(ref());
        }
    }

    private static Schema ref() {
        return OASFactory.createSchema().ref(SCHEMA_REF);
    }

    static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: the body of every error answer.")
                .required(List.of("type", "title", "status"))
                .addProperty("type", text().format("uri").description("Identifies the kind of problem."))
                .addProperty("title", text().description("A short summary of the kind of problem."))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(BigDecimal.valueOf(400))
                                .maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", text().description("What went wrong with this request, in words."))
                .addProperty("instance", text().format("uri-reference").description("The path that was called."))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .maxItems(InputLimits.MAX_ITEMS)
                                .description("The invalid fields of a request that was refused as invalid.")
                                .items(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.OBJECT)
                                        .required(List.of("field", "message"))
                                        .addProperty(
                                                "field",
                                                text().maxLength(500)
                                                        .description("The field's JSON path, e.g. guardians[2].email."))
                                        .addProperty("message", text())));
    }

    private static Schema text() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(InputLimits.MAX_STRING_LENGTH);
    }
}
