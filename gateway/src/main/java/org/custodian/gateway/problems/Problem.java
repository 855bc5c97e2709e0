package org.custodian.gateway.problems;

import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem detail in the shape every Custodian service answers with, so that a client cannot tell
 * whether an error came from the gateway or from a service.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://custodian.uk/problems/";

    public JsonObject toJson(String instance) {
        JsonObject json = new JsonObject().put("type", type).put("title", title).put("status", status);
        if (detail != null) {
            json.put("detail", detail);
        }
        if (instance != null) {
            json.put("instance", instance);
        }
        return json;
    }
}
