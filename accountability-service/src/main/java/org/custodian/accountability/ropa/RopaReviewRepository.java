package org.custodian.accountability.ropa;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.custodian.platform.persistence.SchoolScopedId;

/** The DPO's reviews of a school's record of processing. */
@ApplicationScoped
public class RopaReviewRepository implements PanacheRepositoryBase<RopaReview, SchoolScopedId> {

    public Optional<RopaReview> latestInSchool(String urn) {
        return find("schoolUrn = ?1 order by reviewedAt desc", urn).firstResultOptional();
    }
}
