package org.custodian.sharing.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The webhook event types partners receive: partner-facing names (not the Kafka type names), each with what the
 * partner must do.
 */
public enum PartnerEventType {
    DISCLOSURE_MADE(
            "disclosure.made",
            "Data about these pupils was shared with you under the agreement and lawful basis given. Use it only for the stated purpose."),
    CONSENT_WITHDRAWN(
            "consent.withdrawn",
            "The consent you received this pupil's data under no longer stands. Stop using the data received under it, and delete it unless another lawful basis applies."),
    ERASURE_REQUESTED(
            "erasure.requested",
            "The school has approved erasure of this pupil's data. Erase the data in the listed categories (all you received from us when none are listed) and confirm to the school."),
    RECTIFICATION_REQUESTED(
            "rectification.requested",
            "This pupil's data in the listed categories was inaccurate and has been corrected. Fetch or ask the school for the corrected data and replace what you hold."),
    PROCESSING_RESTRICTED(
            "processing.restricted",
            "Processing of this pupil's data in the listed categories (all when none are listed) is restricted. Store it but do not otherwise use it until told it is unrestricted."),
    PROCESSING_UNRESTRICTED(
            "processing.unrestricted",
            "The restriction on this pupil's data has been lifted. You may resume processing under your agreement."),
    SHARING_ENDED(
            "sharing.ended",
            "The school has stopped sharing data with you. Delete everything you received from us about this pupil and confirm to the school."),
    ACTION_REMINDER(
            "action.reminder",
            "An action the school asked of you is overdue. Do what the original message asked and answer the action at the URLs given."),
    WEBHOOK_TEST(
            "webhook.test",
            "Nothing: this is a test message to check that your endpoint receives and verifies our webhooks.");

    private final String wireName;
    private final String requiredAction;

    PartnerEventType(String wireName, String requiredAction) {
        this.wireName = wireName;
        this.requiredAction = requiredAction;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String requiredAction() {
        return requiredAction;
    }

    public boolean subscribable() {
        return this != WEBHOOK_TEST;
    }

    /**
     * The subscriptions that receive a message of this type: its own, and for {@code sharing.ended} also
     * {@code erasure.requested} (it asks for an erasure of everything). A reminder also goes to the subscribers of the
     * type it reminds of (see the partner fan-out, {@code org.custodian.sharing.partner}).
     */
    public List<String> receivedBy() {
        return this == SHARING_ENDED ? List.of(wireName, ERASURE_REQUESTED.wireName) : List.of(wireName);
    }

    public static Optional<PartnerEventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
