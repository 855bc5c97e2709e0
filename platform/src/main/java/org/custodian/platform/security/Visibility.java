package org.custodian.platform.security;

import java.util.Optional;
import java.util.function.Predicate;
import org.custodian.platform.problems.Problems;

/**
 * The 404 convention: an object of another school, or a child of another family, is answered exactly as an object
 * that does not exist, so that a caller cannot learn that it does.
 */
public final class Visibility {

    private Visibility() {}

    /** The object if present and visible to the caller, otherwise a 404 problem naming only what was asked for. */
    public static <T> T visibleOrNotFound(Optional<T> found, Predicate<T> visibleToCaller, String what) {
        return found.filter(visibleToCaller).orElseThrow(() -> Problems.notFound("no " + what + " with that id"));
    }

    public static <T> T orNotFound(Optional<T> found, String what) {
        return found.orElseThrow(() -> Problems.notFound("no " + what + " with that id"));
    }
}
