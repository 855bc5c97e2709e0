package org.custodian.consent.purpose;

import java.time.Instant;
import java.util.List;

/**
 * The purposes every school starts with, drawn from the privacy notice ("Photographs", "Digital recordings/videos",
 * research, educational platforms) and the consent forms schools commonly send home. Schools reword and add to them.
 */
final class DefaultPurposes {

    private DefaultPurposes() {}

    /** The default catalogue as new purposes of the school ({@code at} null for a school nothing is stored for). */
    static List<Purpose> of(String urn, String by, Instant at) {
        return ALL.stream()
                .map(d -> Purpose.create(
                        urn, d.code(), d.title(), d.kind(), d.dataCategories(), d.validity(), d.wording(), by, at))
                .toList();
    }

    private static final List<PurposeRequest> ALL = List.of(
            standard(
                    "PHOTO_DISPLAY",
                    "Photos on displays inside school",
                    List.of("PHOTOGRAPHS"),
                    null,
                    "We would like to use photographs of your child on classroom and corridor displays inside school. "
                            + "They are not shown outside school. You can withdraw this consent at any time."),
            standard(
                    "PHOTO_WEBSITE",
                    "Photos on the school website",
                    List.of("PHOTOGRAPHS"),
                    null,
                    "We would like to publish photographs of your child on the school website, without their full name. "
                            + "You can withdraw this consent at any time and we will remove them."),
            standard(
                    "PHOTO_SOCIAL_MEDIA",
                    "Photos on the school's social media",
                    List.of("PHOTOGRAPHS"),
                    Validity.ACADEMIC_YEAR,
                    "We would like to post photographs of your child on the school's social media accounts, without their "
                            + "full name. This consent lasts for this school year. You can withdraw it at any time."),
            standard(
                    "PHOTO_PRESS",
                    "Photos in the local press",
                    List.of("PHOTOGRAPHS"),
                    Validity.ACADEMIC_YEAR,
                    "Local newspapers sometimes photograph school events and may print your child's first name with the photo. "
                            + "This consent lasts for this school year. You can withdraw it at any time."),
            standard(
                    "VIDEO_PERFORMANCES",
                    "Video recordings of performances",
                    List.of("RECORDINGS"),
                    null,
                    "We would like to film school performances in which your child takes part and share the recording with "
                            + "the families of the pupils taking part. You can withdraw this consent at any time."),
            new PurposeRequest(
                    "BIOMETRIC_CATERING",
                    "Biometric recognition for cashless catering",
                    "We would like to use your child's fingerprint to pay for school meals. We store a template made from "
                            + "the fingerprint, not an image. We will not do this if either parent or your child objects, and we "
                            + "offer another way to pay (Protection of Freedoms Act 2012).",
                    PurposeKind.BIOMETRIC,
                    List.of("BIOMETRIC"),
                    null),
            standard(
                    "RESEARCH",
                    "Participation in research",
                    List.of("ASSESSMENT_RESULTS", "CURRICULAR_RECORDS"),
                    null,
                    "From time to time universities and research organisations ask schools to take part in studies. We would "
                            + "like to share your child's assessment results, without their name, for approved studies."),
            standard(
                    "EDTECH_APPS",
                    "Third-party educational apps that rely on consent",
                    List.of("CONTACT_DETAILS", "CURRICULAR_RECORDS"),
                    Validity.ACADEMIC_YEAR,
                    "Some learning apps we use need your consent to create an account for your child with their name, class "
                            + "and progress. This consent lasts for this school year. You can withdraw it at any time."));

    private static PurposeRequest standard(
            String code, String title, List<String> categories, String validity, String wording) {
        return new PurposeRequest(code, title, wording, PurposeKind.STANDARD, categories, validity);
    }
}
