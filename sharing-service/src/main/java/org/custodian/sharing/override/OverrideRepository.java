package org.custodian.sharing.override;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.platform.persistence.SchoolScopedId;

/** The reviews of emergency overrides, school first, keyed by their disclosure log row's id. */
@ApplicationScoped
public class OverrideRepository implements PanacheRepositoryBase<OverrideReview, SchoolScopedId> {

    /** The review, locked for the rest of the transaction (the DPO's answers are taken one at a time). */
    public Optional<OverrideReview> findInSchoolForUpdate(String urn, UUID disclosureId) {
        return find("schoolUrn = :urn and id = :id", Parameters.with("urn", urn).and("id", disclosureId))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .singleResultOptional();
    }

    /** The reviews of these overrides of one school, by disclosure id. */
    public Map<UUID, OverrideReview> inSchool(String urn, Collection<UUID> disclosureIds) {
        if (disclosureIds.isEmpty()) {
            return Map.of();
        }
        return list(
                        "schoolUrn = :urn and id in :ids",
                        Parameters.with("urn", urn).and("ids", disclosureIds))
                .stream()
                .collect(Collectors.toMap(OverrideReview::disclosureId, Function.identity()));
    }

    /** Reviews of every school still waiting after their last day and not yet found overdue, oldest first, locked. */
    public List<OverrideReview> pastDue(LocalDate today, int limit) {
        return find(
                        "outcome is null and overdueAt is null and dueOn < :today order by dueOn, schoolUrn, id",
                        Parameters.with("today", today))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .range(0, limit - 1)
                .list();
    }
}
