package org.custodian.consent.support;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Lets a test move the service's clock forward (a grant expiring, a pupil coming of age); reset it afterwards. */
@Mock
@ApplicationScoped
public class ShiftedToday extends Today {

    private static volatile Duration shift = Duration.ZERO;

    public static void shiftBy(Duration by) {
        shift = by;
    }

    public static void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public Instant now() {
        return Instant.now().plus(shift);
    }
}
