package org.custodian.sharing.override;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.sharing.disclosure.DisclosureRepository;
import org.custodian.sharing.disclosure.DisclosureService;
import org.custodian.sharing.school.SchoolScope;

/** Emergency overrides as the DPO sees them: listed with their review, and reviewed once. */
@ApplicationScoped
@Transactional
public class OverrideService {

    private final SchoolScope school;
    private final OverrideReviews reviews;
    private final DisclosureService disclosures;

    OverrideService(SchoolScope school, OverrideReviews reviews, DisclosureService disclosures) {
        this.school = school;
        this.reviews = reviews;
        this.disclosures = disclosures;
    }

    /** The overrides matching the query parameters (parsed here: 400 naming the parameter when bad). */
    public Page<OverrideView> overrides(
            String urn, String pupilId, String recipientId, String from, String to, String review, PageRequest page) {
        school.open(urn);
        DisclosureRepository.Filter filter = DisclosureRepository.Filter.parse(pupilId, recipientId, from, to, true);
        Page<OverrideView> result = reviews.page(urn, filter, OverrideRepository.ReviewFilter.parse(review), page);
        disclosures.readLog(urn, filter, result.items().size(), "disclosure log rows (overrides)");
        return result;
    }

    public OverrideReviews.Answered review(String urn, UUID disclosureId, ReviewRequest request) {
        school.open(urn);
        return reviews.review(
                urn, disclosureId, request.outcome(), request.note().strip());
    }
}
