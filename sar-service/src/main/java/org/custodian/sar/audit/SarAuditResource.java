package org.custodian.sar.audit;

import jakarta.ws.rs.Path;
import org.custodian.platform.audit.AuditEndpoints;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** sar-service's audit log, read by the DPO and auditors. */
@Path("/api/v1/schools/{urn}/audit/requests")
@Tag(name = "Audit")
public class SarAuditResource extends AuditEndpoints {}
