package org.custodian.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import org.custodian.platform.http.InputLimits;
import org.custodian.platform.pagination.PageRequest;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Issue 17: the kernel's own query parameters are documented as what they are, once, here: {@code limit} is an
 * integer from 1 to {@value PageRequest#MAX_LIMIT} (default {@value PageRequest#DEFAULT_LIMIT}) and {@code cursor}
 * is the opaque base64url token of the previous page's {@code nextCursor}. The resources read both as text, so that
 * a bad value is the kernel's 400 problem rather than the framework's.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class QueryParameters implements OASFilter {

    /** An opaque base64url cursor, for a parameter with another name than {@code cursor}. */
    public static final String CURSOR_PATTERN = "^[A-Za-z0-9_-]*$";

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY || parameter.getRef() != null) {
            return parameter;
        }
        if ("limit".equals(parameter.getName())) {
            parameter.setSchema(OASFactory.createSchema()
                    .addType(Schema.SchemaType.INTEGER)
                    .format("int32")
                    .minimum(BigDecimal.ONE)
                    .maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                    .defaultValue(PageRequest.DEFAULT_LIMIT));
            if (parameter.getDescription() == null) {
                parameter.setDescription("How many items a page holds at most (default " + PageRequest.DEFAULT_LIMIT
                        + ", at most " + PageRequest.MAX_LIMIT + ").");
            }
        } else if ("cursor".equals(parameter.getName())) {
            parameter.setSchema(OASFactory.createSchema()
                    .addType(Schema.SchemaType.STRING)
                    .pattern(CURSOR_PATTERN)
                    .maxLength(InputLimits.MAX_STRING_LENGTH));
            if (parameter.getDescription() == null) {
                parameter.setDescription("The previous page's nextCursor, as it was given; absent for the first page.");
            }
        }
        return parameter;
    }
}
