package org.custodian.accountability.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.custodian.platform.persistence.SchoolScopedId;

/** The school's draft, one per school. */
@ApplicationScoped
public class NoticeDraftRepository implements PanacheRepositoryBase<NoticeDraft, SchoolScopedId> {

    public Optional<NoticeDraft> findForSchool(String urn) {
        return find("schoolUrn", urn).firstResultOptional();
    }
}
