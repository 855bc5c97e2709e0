package org.custodian.retention.audit;

import jakarta.ws.rs.Path;
import org.custodian.platform.audit.AuditEndpoints;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** retention-service's audit log, read by the DPO and auditors. */
@Path("/api/v1/schools/{urn}/audit/retention")
@Tag(name = "Audit")
public class RetentionAuditResource extends AuditEndpoints {}
