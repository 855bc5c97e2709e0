package org.custodian.accountability.publication;

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

    /** The {@code Accept} to answer: the format's type when one is asked for in the link. */
    static String accept(PublicFormat format, String accept) {
        return format == null ? accept : format.mediaType;
    }
}
