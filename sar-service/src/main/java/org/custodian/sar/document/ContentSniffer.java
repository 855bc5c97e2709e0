package org.custodian.sar.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells a document's type from its bytes, not its name: PDF, PNG, JPEG and GIF by their magic numbers; JSON, CSV and
 * plain text by being strict UTF-8 without control characters (JSON also by parsing). A file whose name or declared
 * type says one thing and whose bytes say another is refused by {@link #check}.
 */
public final class ContentSniffer {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = new JsonFactory();

    private ContentSniffer() {}

    /** The binary type the bytes start with, or whether they are text; empty for anything else. */
    public static Optional<ContentType> sniff(byte[] bytes, ContentType claimed) {
        if (startsWith(bytes, PDF)) {
            return Optional.of(ContentType.PDF);
        }
        if (startsWith(bytes, PNG)) {
            return Optional.of(ContentType.PNG);
        }
        if (startsWith(bytes, JPEG)) {
            return Optional.of(ContentType.JPEG);
        }
        if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) {
            return Optional.of(ContentType.GIF);
        }
        if (!isText(bytes)) {
            return Optional.empty();
        }
        if (claimed == ContentType.JSON || (claimed == null && looksLikeJson(bytes))) {
            return isJson(bytes) ? Optional.of(ContentType.JSON) : Optional.of(ContentType.TEXT);
        }
        return Optional.of(claimed == ContentType.CSV ? ContentType.CSV : ContentType.TEXT);
    }

    /**
     * The document's type, or why it is refused: the bytes must be one of the accepted types and agree with what the
     * name (and the declared media type, when it is a specific one) claims.
     */
    public static Result check(String filename, String declaredMediaType, byte[] bytes) {
        Optional<ContentType> byName = ContentType.byName(filename);
        if (byName.isEmpty()) {
            return Result.refused(
                    "'" + filename + "' does not end in one of .pdf, .png, .jpg, .jpeg, .gif, .json, .csv, .txt");
        }
        Optional<ContentType> sniffed = sniff(bytes, byName.get());
        if (sniffed.isEmpty()) {
            return Result.refused("'" + filename
                    + "' is not a PDF, an image (PNG, JPEG, GIF) or UTF-8 text: its content is of another kind");
        }
        if (sniffed.get() != byName.get()) {
            return Result.refused(
                    "'" + filename + "' is named as " + byName.get().mediaType() + " but its content is "
                            + sniffed.get().mediaType());
        }
        Optional<ContentType> declared = ContentType.byMediaType(declaredMediaType);
        boolean generic = declaredMediaType == null
                || declaredMediaType.startsWith("application/octet-stream")
                || (sniffed.get().isText()
                        && declared.filter(ContentType::isText).isPresent());
        if (!generic && declared.orElse(null) != sniffed.get()) {
            return Result.refused("'" + filename + "' was sent as " + declaredMediaType + " but its content is "
                    + sniffed.get().mediaType());
        }
        return new Result(sniffed.get(), null);
    }

    public record Result(ContentType type, String refusal) {
        static Result refused(String why) {
            return new Result(null, why);
        }

        public boolean accepted() {
            return type != null;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Strict UTF-8 (an optional BOM) with no control characters but tab, line feed, carriage return and form feed. */
    static boolean isText(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    static boolean isJson(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
