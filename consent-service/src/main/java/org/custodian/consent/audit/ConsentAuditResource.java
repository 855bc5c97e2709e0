package org.custodian.consent.audit;

import jakarta.ws.rs.Path;
import org.custodian.platform.audit.AuditEndpoints;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** consent-service's audit log, read by the DPO and auditors. */
@Path("/api/v1/schools/{urn}/audit/consent")
@Tag(name = "Audit")
public class ConsentAuditResource extends AuditEndpoints {}
