package org.custodian.launcher;

import java.time.Duration;
import java.util.List;
import org.custodian.testing.TestTokens;

/**
 * Dev tokens for the local stack: RS256, minted as the tests mint theirs (TestTokens), but signed with the stack's own
 * dev key and for its issuer and audience (CUSTODIAN_JWT_ISSUER, CUSTODIAN_JWT_AUDIENCE, as the services read them).
 */
final class DevTokens {

    /** Every service refuses a token valid for more than 12 hours. */
    static final long MAX_TTL = 43200;

    private final Stack stack;
    private final LocalKeys keys;

    DevTokens(Stack stack, LocalKeys keys) {
        this.stack = stack;
        this.keys = keys;
    }

    /** The subject of each role's printed dev token: the parent and the pupil are people in the demo data. */
    static String demoSubject(String role) {
        return switch (role) {
            case "parent" -> "DEMO-G01A";
            case "pupil" -> "DEMO-P01";
            default -> "dev-" + role;
        };
    }

    /** A partner organisation's token: {@code partner_id}, and the schools given (none is fine). */
    String mintPartner(String partnerId, String subject, long ttl, List<String> schools) {
        if (!org.custodian.tokens.PartnerClaim.PATTERN.matcher(partnerId).matches()) {
            throw new Failure("--partner is 1 to 100 letters, digits and . _ : - starting with a letter or digit");
        }
        return mint("partner", subject, ttl, schools, partnerId);
    }

    String mint(String role, String subject, long ttl, List<String> schools) {
        if (schools.isEmpty()) {
            throw new Failure("at least one school is needed");
        }
        return mint(role, subject, ttl, schools, null);
    }

    private String mint(String role, String subject, long ttl, List<String> schools, String partnerId) {
        if (!Stack.ROLES.contains(role)) {
            throw new Failure("unknown role '" + role + "' (one of: " + String.join(" ", Stack.ROLES) + ")");
        }
        if (!subject.matches("[A-Za-z0-9._:@-]+")) {
            throw new Failure("--sub may only hold letters, digits and . _ : @ -");
        }
        if (ttl <= 0) {
            throw new Failure("--ttl must be a positive number of seconds");
        }
        if (ttl > MAX_TTL) {
            throw new Failure("--ttl may be at most 43200: every service refuses a token valid for more than 12 hours");
        }
        for (String school : schools) {
            if (!school.matches("[0-9]{6}")) {
                throw new Failure("a school is a six-digit DfE URN, not '" + school + "'");
            }
        }
        return TestTokens.role(role)
                .noSchools()
                .school(schools.toArray(String[]::new))
                .subject(subject)
                .issuer(stack.issuer())
                .audience(stack.audience())
                .lifetime(Duration.ofSeconds(ttl))
                .signedWith(keys.signingKey())
                .partnerId(partnerId)
                .mint();
    }
}
