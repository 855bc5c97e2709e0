package org.custodian.retention.schedule;

import java.time.Instant;

/**
 * A record class as it stands for one school: the rule, where it comes from and which version it is. The IRMS
 * default of a class is version 0; each override a school makes is the next version.
 */
public record ScheduledClass(
        RetentionRule rule, Origin origin, int version, String changedBy, Instant changedAt, String changeReason) {

    public enum Origin {
        /** The toolkit row as shipped. */
        IRMS_DEFAULT,
        /** The school's own version of a toolkit row. */
        SCHOOL_OVERRIDE,
        /** A class the school added. */
        SCHOOL_CLASS
    }

    public static ScheduledClass irms(RetentionRule rule) {
        return new ScheduledClass(rule, Origin.IRMS_DEFAULT, 0, null, null, null);
    }
}
