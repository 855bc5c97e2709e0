package org.custodian.sar.notice;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The version of the school's published privacy notice an answer relied on: its number, the SHA-256 of its canonical
 * JSON (hex) and when it was published, as accountability-service gives them.
 */
@Schema(name = "PrivacyNoticeUsed")
public record NoticeUsed(int version, String hash, Instant publishedAt) {}
