package org.custodian.accountability.audit;

import jakarta.ws.rs.Path;
import org.custodian.platform.audit.AuditEndpoints;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** accountability-service's audit log, read by the DPO and auditors. */
@Path("/api/v1/schools/{urn}/audit/accountability")
@Tag(name = "Audit")
public class AccountabilityAuditResource extends AuditEndpoints {}
