package org.custodian.sar.request;

import java.util.Optional;

/** Whether a request answered with a bundle may be completed (implemented where bundles live). */
public interface CompletionCheck {

    /** Why the request cannot be completed yet, or empty when it can. */
    Optional<String> whyNotComplete(RightsRequest request);
}
