package org.custodian.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyTopicOfTheDesignCarriesItsTypes() {
        assertThat(EventTypes.BY_TOPIC.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(EventTypes.topicOf(EventTypes.PUPIL_LEFT)).isEqualTo("custodian.roster.v1");
        assertThat(EventTypes.topicOf(EventTypes.CONSENT_WITHDRAWN)).isEqualTo("custodian.consent.v1");
        assertThat(EventTypes.topicOf(EventTypes.BIOMETRIC_TEMPLATE_DELETION_REQUESTED))
                .isEqualTo("custodian.consent.v1");
        assertThat(EventTypes.topicOf(EventTypes.ERASURE_APPROVED)).isEqualTo("custodian.rights.v1");
        assertThat(EventTypes.topicOf(EventTypes.WEBHOOK_DEAD)).isEqualTo("custodian.sharing.v1");
        assertThat(EventTypes.topicOf(EventTypes.OVERRIDE_MADE)).isEqualTo("custodian.sharing.v1");
        assertThat(EventTypes.topicOf(EventTypes.LEGAL_HOLD_PLACED)).isEqualTo("custodian.retention.v1");
        assertThat(EventTypes.topicOf(EventTypes.TOKEN_REVOKED)).isEqualTo("custodian.revocations.v1");
        assertThat(EventTypes.topicOf(EventTypes.PURPOSE_CREATED)).isEqualTo("custodian.consent.v1");
        assertThat(EventTypes.topicOf(EventTypes.AGREEMENT_ENDED)).isEqualTo("custodian.sharing.v1");
        assertThat(EventTypes.topicOf(EventTypes.RECIPIENT_UPDATED)).isEqualTo("custodian.sharing.v1");
        assertThat(EventTypes.topicOf(EventTypes.RETENTION_RULE_CHANGED)).isEqualTo("custodian.retention.v1");
        assertThat(EventTypes.topicOf(EventTypes.NOTICE_PUBLISHED)).isEqualTo("custodian.accountability.v1");
        assertThat(EventTypes.topicOf(EventTypes.HOLDING_SYSTEMS_CHANGED)).isEqualTo("custodian.retention.v1");
    }

    @Test
    void typesArePrefixedAndBelongToOneTopicOnly() {
        List<String> all =
                EventTypes.BY_TOPIC.values().stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(45).doesNotHaveDuplicates().allMatch(t -> t.startsWith("uk.custodian."));
    }

    @Test
    void unknownTypeHasNoTopic() {
        assertThatThrownBy(() -> EventTypes.topicOf("uk.custodian.nothing"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
