package org.custodian.testing.kernel;

import jakarta.ws.rs.Path;
import org.custodian.platform.audit.AuditEndpoints;

@Path("/api/v1/schools/{urn}/audit/kernel")
public class KernelAudit extends AuditEndpoints {}
