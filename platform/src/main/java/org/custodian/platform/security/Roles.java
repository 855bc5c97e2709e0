package org.custodian.platform.security;

import java.util.List;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {
    public static final String DPO = "dpo";
    public static final String SCHOOL_ADMIN = "school-admin";
    public static final String STAFF = "staff";
    public static final String PARENT = "parent";
    public static final String PUPIL = "pupil";
    public static final String MIS = "mis";
    public static final String PARTNER = "partner";
    public static final String AUDITOR = "auditor";
    /** Another Custodian service calling with a service token. */
    public static final String SERVICE = "service";
    /**
     * Platform staff running the deployment, in no school: reaches only the platform-wide token revocations
     * ({@code /internal/v1/token-revocations}, never routed by the gateway).
     */
    public static final String OPERATOR = "operator";

    public static final List<String> PEOPLE_AND_SYSTEMS = List.of(DPO, SCHOOL_ADMIN, STAFF, PARENT, PUPIL, MIS, PARTNER, AUDITOR);

    private Roles() {
    }
}
