package org.custodian.sharing.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custodian.sharing.webhook.MessageQueue;
import org.junit.jupiter.api.Test;

class PartnerNotifierTest {

    @Test
    void partnerNotificationsConcernOnlyRecipientsOfTheChangedCategories() {
        assertThat(PartnerNotifier.concerns(List.of(), List.of("IDENTITY"))).isTrue();
        assertThat(PartnerNotifier.concerns(List.of("medical"), List.of("IDENTITY")))
                .isFalse();
        assertThat(PartnerNotifier.concerns(List.of("identity"), List.of("IDENTITY", "MEDICAL")))
                .isTrue();
        assertThat(PartnerNotifier.concerns(List.of("something-new"), List.of("IDENTITY")))
                .isTrue();
        assertThat(MessageQueue.messageId("event-1:r"))
                .isEqualTo(MessageQueue.messageId("event-1:r"))
                .startsWith("msg_");
    }
}
