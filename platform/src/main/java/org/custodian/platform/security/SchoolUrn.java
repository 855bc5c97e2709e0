package org.custodian.platform.security;

import java.util.regex.Pattern;
import org.custodian.platform.problems.Problems;

/** A school's DfE URN: six digits. */
public final class SchoolUrn {

    /** Six digits, as OpenAPI documents a URN parameter. */
    public static final String PATTERN = "^[0-9]{6}$";

    private static final Pattern URN = Pattern.compile(PATTERN);

    private SchoolUrn() {}

    public static boolean isValid(String urn) {
        return urn != null && URN.matcher(urn).matches();
    }

    /** Returns the URN or fails with a 400 problem naming the field. */
    public static String require(String urn) {
        if (!isValid(urn)) {
            throw Problems.invalid("urn", "a school URN is six digits");
        }
        return urn;
    }
}
