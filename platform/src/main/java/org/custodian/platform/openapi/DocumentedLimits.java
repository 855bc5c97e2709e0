package org.custodian.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.List;
import org.custodian.platform.http.InputLimits;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Every service's OpenAPI document states the limits a client meets (OWASP API4): a string or array that documents
 * no limit of its own gets the one {@link InputLimits} enforces on every request, and an integer gets the range of its
 * format. The bearer scheme says which JWT rules the services keep.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DocumentedLimits implements OASFilter {

    static final String BEARER_DESCRIPTION =
            "A signed JWT (RS256 or ES256) from the school's identity provider, handled as "
                    + "RFC8725 recommends: the algorithm is fixed by the verifier (never 'none', never HMAC with a public key), "
                    + "and the signature, exp, iss and aud are always checked. Roles come from the groups claim and the schools "
                    + "the caller acts for from the schools claim.";

    @Override
    public Schema filterSchema(Schema schema) {
        List<Schema.SchemaType> types = schema.getType();
        if (types == null
                || schema.getRef() != null
                || schema.getEnumeration() != null
                || schema.getConstValue() != null) {
            return schema;
        }
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null) {
            schema.setMaxLength(InputLimits.MAX_STRING_LENGTH);
        }
        if (types.contains(Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
            schema.setMaxItems(InputLimits.MAX_ITEMS);
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        return schema;
    }

    @Override
    public SecurityScheme filterSecurityScheme(SecurityScheme scheme) {
        if (scheme.getType() == SecurityScheme.Type.HTTP && "bearer".equalsIgnoreCase(scheme.getScheme())) {
            scheme.setBearerFormat("JWT");
            scheme.setDescription(BEARER_DESCRIPTION);
        }
        return scheme;
    }
}
