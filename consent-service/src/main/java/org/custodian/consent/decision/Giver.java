package org.custodian.consent.decision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who a decision is from: a guardian (by the MIS's guardian id) or the pupil themselves. */
public record Giver(Type type, String id) {

    @Schema(name = "GiverType")
    public enum Type {
        GUARDIAN,
        PUPIL
    }

    public static Giver guardian(String guardianId) {
        return new Giver(Type.GUARDIAN, guardianId);
    }

    public static Giver pupil(String pupilId) {
        return new Giver(Type.PUPIL, pupilId);
    }

    public boolean isPupil() {
        return type == Type.PUPIL;
    }
}
