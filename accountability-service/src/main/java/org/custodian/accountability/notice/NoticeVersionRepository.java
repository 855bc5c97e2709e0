package org.custodian.accountability.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.persistence.SchoolScopedId;

/** A school's published versions, newest first. */
@ApplicationScoped
public class NoticeVersionRepository implements PanacheRepositoryBase<NoticeVersion, SchoolScopedId> {

    public Optional<NoticeVersion> latestInSchool(String urn) {
        return find("schoolUrn = ?1 order by number desc", urn).firstResultOptional();
    }

    public Optional<NoticeVersion> findInSchool(String urn, int number) {
        return find("schoolUrn = ?1 and number = ?2", urn, number).firstResultOptional();
    }

    public Page<NoticeVersion> pageInSchool(String urn, PageRequest page) {
        List<NoticeVersion> rows = page.isFirst()
                ? find("schoolUrn = ?1 order by number desc", urn)
                        .range(0, page.fetchSize() - 1)
                        .list()
                : find("schoolUrn = ?1 and number < ?2 order by number desc", urn, (int) page.afterLong(0))
                        .range(0, page.fetchSize() - 1)
                        .list();
        return Page.fromRows(rows, page, v -> List.of(Integer.toString(v.number())));
    }
}
