package org.custodian.consent.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The current instant and the school day it falls on (legal days are counted in Europe/London). */
@ApplicationScoped
public class Today {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public Instant now() {
        return Instant.now();
    }

    public LocalDate date() {
        return LocalDate.ofInstant(now(), LONDON);
    }
}
