package org.custodian.sharing.audit;

import jakarta.ws.rs.Path;
import org.custodian.platform.audit.AuditEndpoints;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** sharing-service's audit log, read by the DPO and auditors. */
@Path("/api/v1/schools/{urn}/audit/sharing")
@Tag(name = "Audit")
public class SharingAuditResource extends AuditEndpoints {}
