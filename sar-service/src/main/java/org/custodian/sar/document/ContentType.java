package org.custodian.sar.document;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of document a request accepts, each with its media type and the file name endings that may carry it. */
public enum ContentType {
    PDF("application/pdf", List.of("pdf")),
    PNG("image/png", List.of("png")),
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    GIF("image/gif", List.of("gif")),
    JSON("application/json", List.of("json")),
    CSV("text/csv", List.of("csv")),
    TEXT("text/plain", List.of("txt", "text"));

    private final String mediaType;
    private final List<String> extensions;

    ContentType(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean isText() {
        return this == JSON || this == CSV || this == TEXT;
    }

    public boolean isImage() {
        return this == PNG || this == JPEG || this == GIF;
    }

    /** The type a file name claims by its ending. */
    public static Optional<ContentType> byName(String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        int dot = filename.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ending = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ContentType type : values()) {
            if (type.extensions.contains(ending)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<ContentType> byMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (ContentType type : values()) {
            if (type.mediaType.equals(bare)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
