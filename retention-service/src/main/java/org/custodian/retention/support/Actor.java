package org.custodian.retention.support;

import java.time.Instant;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.security.Caller;

/** Who did something: a calling user or system (with its token), or this service itself (the daily job, consumers). */
public final class Actor {

    public static final String SERVICE = "retention-service";

    private final Caller caller;
    private final String subject;
    private final String role;

    private Actor(Caller caller, String subject, String role) {
        this.caller = caller;
        this.subject = subject;
        this.role = role;
    }

    public static Actor of(Caller caller) {
        return new Actor(caller, caller.subject(), caller.primaryRole());
    }

    /** This service, acting on its own (role {@code service}); {@code on} says on what, e.g. the event it applied. */
    public static Actor service(String on) {
        return new Actor(null, on == null ? SERVICE : SERVICE + " (" + on + ")", "service");
    }

    public String subject() {
        return subject;
    }

    /** Writes an audit row in the current transaction; {@code at} is when this service acted on its own. */
    public void audit(AuditLog log, Instant at, String urn, String about, String action, String detail) {
        if (caller != null) {
            log.record(caller, urn, about, action, AuditEntry.Outcome.SUCCESS, detail);
        } else {
            log.record(new AuditEntry(urn, at, subject, role, about, action, AuditEntry.Outcome.SUCCESS, null, detail));
        }
    }
}
