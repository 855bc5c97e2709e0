package org.custodian.gateway.security.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's coarse role rules: for each path pattern (relative to {@code /api/v1/}) the roles that may reach it.
 * The most specific pattern that matches a path decides; a path no pattern matches is closed to everyone. The
 * services apply the precise rules behind this wall.
 */
public final class AccessRules {

    private record Rule(PathPattern pattern, Set<String> roles) {}

    private final List<Rule> rules;

    public AccessRules(Map<String, ? extends Collection<String>> rolesByPattern) {
        this.rules = rolesByPattern.entrySet().stream()
                .map(e -> new Rule(PathPattern.parse(e.getKey()), Set.copyOf(e.getValue())))
                .sorted((a, b) -> a.pattern().compareTo(b.pattern()))
                .toList();
    }

    /** Whether a caller holding {@code roles} may reach {@code path}, e.g. {@code schools/100001/pupils/P1}. */
    public boolean allows(Collection<String> roles, String path) {
        Set<String> allowed = allowedRoles(path);
        return roles.stream().anyMatch(allowed::contains);
    }

    public Set<String> allowedRoles(String path) {
        return rule(path).map(Rule::roles).orElse(Set.of());
    }

    /** The pattern that decides for {@code path}, if any. */
    public Optional<PathPattern> decidingPattern(String path) {
        return rule(path).map(Rule::pattern);
    }

    private Optional<Rule> rule(String path) {
        String[] segments = path.split("/", -1);
        return rules.stream().filter(rule -> rule.pattern().matches(segments)).findFirst();
    }
}
