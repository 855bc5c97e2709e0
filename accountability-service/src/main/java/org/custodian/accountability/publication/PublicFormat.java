package org.custodian.accountability.publication;

import org.custodian.platform.http.Params;

/**
 * The form of a public page asked for in the link ({@code ?format=pdf}), for a website or a letter that cannot set
 * {@code Accept}; it overrides {@code Accept}.
 */
public enum PublicFormat {
    html("text/html"),
    json("application/json"),
    pdf("application/pdf"),
    csv("text/csv");

    private final String mediaType;

    PublicFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The {@code Accept} to answer: the type of the format the link asks for, if any (400 for an unknown one). */
    static String accept(String format, String accept) {
        PublicFormat asked = Params.enumValue("format", format, PublicFormat.class);
        return asked == null ? accept : asked.mediaType;
    }
}
