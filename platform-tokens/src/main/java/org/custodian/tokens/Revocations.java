package org.custodian.tokens;

import io.smallrye.jwt.auth.principal.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The revocations in force on this replica, as {@link RevocationFeed} reads them. A token id is refused outright; a
 * subject's token is refused when it was issued at or before the revocation; either only when the token covers the
 * revocation's school, or always when the revocation is for every school. A revocation is forgotten once every token
 * it could refuse has expired: a token lives at most the cap ({@link TokenRules}) after its {@code iat}, so after
 * {@code revokedAt + cap + clock skew}.
 */
public class Revocations {

    /** The scope of a revocation for every school. */
    private static final String EVERY_SCHOOL = "*";

    private final long rememberSeconds;
    /** jti or sub -> scope (a school, or {@link #EVERY_SCHOOL}) -> revokedAt in epoch seconds (the latest). */
    private final Map<String, Map<String, Long>> byTokenId = new ConcurrentHashMap<>();

    private final Map<String, Map<String, Long>> bySubject = new ConcurrentHashMap<>();

    public Revocations(long rememberSeconds) {
        this.rememberSeconds = rememberSeconds;
    }

    public void apply(Revocation revocation) {
        Map<String, Map<String, Long>> index = revocation.kind() == Revocation.Kind.TOKEN_ID ? byTokenId : bySubject;
        String scope = revocation.everySchool() ? EVERY_SCHOOL : revocation.school();
        long revokedAt = revocation.revokedAt().getEpochSecond();
        index.compute(revocation.value(), (key, scopes) -> {
            Map<String, Long> updated = scopes == null ? new HashMap<>() : new HashMap<>(scopes);
            updated.merge(scope, revokedAt, Math::max);
            return Map.copyOf(updated);
        });
    }

    /** Refuses a token that a revocation in force covers. */
    public void check(JsonWebToken token) throws ParseException {
        if (byTokenId.isEmpty() && bySubject.isEmpty()) {
            return;
        }
        Set<String> schools = null;
        Map<String, Long> tokenId = token.getTokenID() == null ? null : byTokenId.get(token.getTokenID());
        if (tokenId != null) {
            schools = SchoolsClaim.of(token);
            for (String scope : tokenId.keySet()) {
                if (covers(scope, schools)) {
                    throw new ParseException("the token has been revoked");
                }
            }
        }
        Map<String, Long> subject = token.getSubject() == null ? null : bySubject.get(token.getSubject());
        if (subject != null) {
            schools = schools == null ? SchoolsClaim.of(token) : schools;
            Long iat = TokenRules.seconds(token, Claims.iat);
            long issuedAt = iat == null ? Long.MIN_VALUE : iat; // TokenRules refuses a token without iat
            for (Map.Entry<String, Long> revoked : subject.entrySet()) {
                if (issuedAt <= revoked.getValue() && covers(revoked.getKey(), schools)) {
                    throw new ParseException("the token's subject has been revoked");
                }
            }
        }
    }

    /** Drops what no longer refuses anything: revocations older than the cap on a token's lifetime. */
    public void forgetBefore(long nowSecond) {
        long oldest = nowSecond - rememberSeconds;
        forget(byTokenId, oldest);
        forget(bySubject, oldest);
    }

    /** How many token ids and subjects are revoked somewhere. */
    public int held() {
        return byTokenId.size() + bySubject.size();
    }

    private static void forget(Map<String, Map<String, Long>> index, long oldest) {
        for (String key : index.keySet()) {
            index.computeIfPresent(key, (k, scopes) -> {
                Map<String, Long> kept = new HashMap<>(scopes);
                kept.values().removeIf(revokedAt -> revokedAt < oldest);
                return kept.isEmpty() ? null : Map.copyOf(kept);
            });
        }
    }

    private static boolean covers(String scope, Set<String> schools) {
        return scope.equals(EVERY_SCHOOL) || schools.contains(scope);
    }
}
