package org.custodian.consent.support;

import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.Topics;

/** Builds this service's CloudEvents. */
public final class Events {

    public static final String SOURCE = Topics.CONSENT_SERVICE;

    private Events() {}

    public static CloudEvent aboutPupil(String type, String urn, String pupilId, Object data) {
        return CloudEvent.aboutPupil(SOURCE, type, urn, pupilId, CloudEventCodec.toData(data));
    }

    public static CloudEvent aboutSchool(String type, String urn, Object data) {
        return CloudEvent.aboutSchool(SOURCE, type, urn, CloudEventCodec.toData(data));
    }

    public static CloudEvent aboutPurpose(String type, String urn, String purposeCode, Object data) {
        return CloudEvent.create(
                SOURCE, type, urn, "schools/" + urn + "/purposes/" + purposeCode, CloudEventCodec.toData(data));
    }
}
