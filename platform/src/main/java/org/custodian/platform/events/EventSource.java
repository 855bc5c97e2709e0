package org.custodian.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service as the {@code source} of the CloudEvents it produces ({@code /custodian/<application name>}), and the
 * place a service makes its events: the source is never written by hand.
 */
@ApplicationScoped
public class EventSource {

    private final String uri;

    public EventSource(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.uri = uriOf(applicationName);
    }

    /** The source of the events a service of that name produces. */
    public static String uriOf(String applicationName) {
        return "/custodian/" + applicationName;
    }

    public String uri() {
        return uri;
    }

    /** A new event about one pupil: subject {@code schools/{urn}/pupils/{pupilId}}. */
    public CloudEvent aboutPupil(String type, String schoolUrn, String pupilId, JsonNode data) {
        return CloudEvent.aboutPupil(uri, type, schoolUrn, pupilId, data);
    }

    /** A new event about the school as a whole: subject {@code schools/{urn}}. */
    public CloudEvent aboutSchool(String type, String schoolUrn, JsonNode data) {
        return CloudEvent.aboutSchool(uri, type, schoolUrn, data);
    }

    /** A new event with a subject of its own (e.g. {@code schools/{urn}/recipients/{id}}). */
    public CloudEvent about(String type, String schoolUrn, String subject, JsonNode data) {
        return CloudEvent.create(uri, type, schoolUrn, subject, data);
    }
}
