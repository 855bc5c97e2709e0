package org.custodian.sharing.recipient;

import java.time.Instant;
import java.util.UUID;

/** An organisation the school may share pupil data with. */
public record Recipient(UUID id, String schoolUrn, String name, Kind kind, String country, String contact,
                        String contractReference, String description, Status status, boolean seeded, long version,
                        Instant createdAt, Instant updatedAt) {

    public enum Kind { STATUTORY_BODY, PROCESSOR, CONTROLLER, FAMILY, OTHER }

    public enum Status { ACTIVE, SUSPENDED }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
