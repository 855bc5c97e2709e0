package org.custodian.platform.security;

import java.util.List;
import org.custodian.tokens.TokenIssuers;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {
    public static final String DPO = "dpo";
    public static final String SCHOOL_ADMIN = "school-admin";
    public static final String STAFF = "staff";
    /**
     * The designated safeguarding lead (Keeping Children Safe in Education): staff with safeguarding duties, who may
     * make an emergency (vital interests) disclosure alongside the DPO.
     */
    public static final String SAFEGUARDING_LEAD = "safeguarding-lead";

    public static final String PARENT = "parent";
    public static final String PUPIL = "pupil";
    public static final String MIS = "mis";
    public static final String PARTNER = "partner";
    public static final String AUDITOR = "auditor";
    /** Another Custodian service calling an internal route with a service token: never in any other token. */
    public static final String SERVICE = TokenIssuers.SERVICE_ROLE;
    /**
     * Platform staff running the deployment, in no school: reaches only the platform-wide token revocations
     * ({@code /internal/v1/token-revocations}, never routed by the gateway).
     */
    public static final String OPERATOR = "operator";

    /** Every role a person or system outside the suite may hold, most specific first (audit records name the first held). */
    public static final List<String> PEOPLE_AND_SYSTEMS =
            List.of(DPO, SCHOOL_ADMIN, SAFEGUARDING_LEAD, STAFF, PARENT, PUPIL, MIS, PARTNER, AUDITOR);

    private Roles() {}
}
