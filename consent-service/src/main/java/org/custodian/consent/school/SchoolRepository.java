package org.custodian.consent.school;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The school profiles. */
@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, String> {

    public Optional<School> findProfile(String urn) {
        return findByIdOptional(urn);
    }

    /**
     * Stores a new profile unless another transaction stored the school first (JPA has no insert-if-absent, so this one
     * statement is native); answers whether this call created it.
     */
    public boolean createIfAbsent(School school) {
        return getEntityManager()
                        .createNativeQuery("""
                                INSERT INTO school (urn, name, type, region, nation, dpo_name, dpo_email, competence_age, conflict_policy, version)
                                VALUES (?1, ?2, ?3, ?4, ?10, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (urn) DO NOTHING
                                """)
                        .setParameter(1, school.urn())
                        .setParameter(2, school.name())
                        .setParameter(3, school.type().name())
                        .setParameter(4, school.region().name())
                        .setParameter(5, school.dpoName())
                        .setParameter(6, school.dpoEmail())
                        .setParameter(7, school.competenceAge())
                        .setParameter(8, school.conflictPolicy().name())
                        .setParameter(9, school.version())
                        .setParameter(10, school.nation().name())
                        .executeUpdate()
                == 1;
    }
}
