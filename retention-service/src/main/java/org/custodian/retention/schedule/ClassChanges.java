package org.custodian.retention.schedule;

/**
 * What must follow when a class's rule changes: every holding of the class is re-dated (the register implements it,
 * so that the schedule does not depend on the register).
 */
public interface ClassChanges {

    /** How many holdings were looked at and how many got a different due date. */
    record Redated(int examined, int changed) {}

    Redated redate(String urn, String classCode);
}
