package org.custodian.sharing.school;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.platform.security.Caller;

/** The first line of every school-scoped operation: the tenancy wall, then the school's defaults. */
@ApplicationScoped
public class SchoolScope {

    private final Caller caller;

    private final SchoolSeeder defaults;

    SchoolScope(Caller caller, SchoolSeeder defaults) {
        this.caller = caller;
        this.defaults = defaults;
    }

    /** Checks the caller acts for the school (400 malformed, 403 not covered) and seeds it on first use. */
    public String open(String urn) {
        caller.requireSchool(urn);
        defaults.ensureSeeded(urn);
        return urn;
    }
}
