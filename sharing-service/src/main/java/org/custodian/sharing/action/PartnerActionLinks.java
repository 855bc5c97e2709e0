package org.custodian.sharing.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.sharing.SharingConfig;
import org.custodian.sharing.actionkind.ActionKind;

/**
 * Where a partner answers an action: absolute URLs under the public address of the API (the gateway), and the
 * {@code action} block a webhook carries.
 */
@ApplicationScoped
public class PartnerActionLinks {

    private final String publicUrl;

    public PartnerActionLinks(SharingConfig config) {
        String publicUrl = config.publicUrl();
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The action opened by a message: derived from the message id, so the same message never opens two. */
    public static UUID actionId(String messageId) {
        return UUID.nameUUIDFromBytes(("partner-action:" + messageId).getBytes(StandardCharsets.UTF_8));
    }

    public static String path(String urn, UUID id) {
        return "/api/v1/schools/" + urn + "/partner-actions/" + id;
    }

    /** The action itself, and where to acknowledge, complete or dispute it. */
    public Map<String, String> urls(String urn, UUID id) {
        String action = publicUrl + path(urn, id);
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("action", action);
        urls.put("acknowledgement", action + "/acknowledgement");
        urls.put("completion", action + "/completion");
        urls.put("dispute", action + "/dispute");
        return urls;
    }

    /** The {@code action} block of a webhook payload. */
    public ObjectNode describe(String urn, UUID id, ActionKind kind, LocalDate dueBy, ActionStatus status) {
        ObjectNode action = CloudEventCodec.mapper().createObjectNode();
        action.put("id", id.toString());
        action.put("kind", kind.name());
        action.put("whatToDo", kind.description());
        action.put("dueBy", dueBy.toString());
        action.put("status", status.name());
        action.set("outcomes", CloudEventCodec.mapper().valueToTree(kind.outcomes()));
        action.set("urls", CloudEventCodec.mapper().valueToTree(urls(urn, id)));
        return action;
    }
}
