package org.custodian.consent.purpose;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A school's purposes, each loaded with every wording it had (a school has a few dozen purposes at most). */
@ApplicationScoped
public class PurposeRepository implements PanacheRepositoryBase<Purpose, Purpose.Key> {

    private static final String WITH_VERSIONS = "SELECT p FROM Purpose p LEFT JOIN FETCH p.versions ";

    public List<Purpose> listInSchool(String urn) {
        return list(WITH_VERSIONS + "WHERE p.schoolUrn = ?1 ORDER BY p.code", urn);
    }

    public Optional<Purpose> findInSchool(String urn, String code) {
        return find(WITH_VERSIONS + "WHERE p.schoolUrn = ?1 AND p.code = ?2", urn, code)
                .singleResultOptional();
    }

    public List<Purpose> listInSchool(String urn, Collection<String> codes) {
        return list(WITH_VERSIONS + "WHERE p.schoolUrn = ?1 AND p.code IN ?2", urn, codes);
    }
}
