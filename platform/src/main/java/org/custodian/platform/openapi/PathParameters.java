package org.custodian.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Every {@code {name}} of a path template is declared as a required path parameter of each of its operations, so
 * that generated clients can call them. The scanner drops the ones of a method inherited from a class without its own
 * {@code @Path} (the audit endpoints every service extends).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PathParameters implements OASFilter {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            List<String> names = namesIn(path);
            for (Operation operation : item.getOperations().values()) {
                for (String name : names) {
                    if (!declared(item, operation, name)) {
                        operation.addParameter(OASFactory.createParameter()
                                .name(name)
                                .in(Parameter.In.PATH)
                                .required(true)
                                .schema(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.STRING)
                                        .maxLength(200)));
                    }
                }
            }
        });
    }

    static List<String> namesIn(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static boolean declared(PathItem item, Operation operation, String name) {
        return isDeclaredIn(item.getParameters(), name) || isDeclaredIn(operation.getParameters(), name);
    }

    private static boolean isDeclaredIn(List<Parameter> parameters, String name) {
        return parameters != null
                && parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH && name.equals(p.getName()));
    }
}
