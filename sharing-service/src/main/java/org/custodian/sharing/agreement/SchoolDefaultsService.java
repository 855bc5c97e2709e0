package org.custodian.sharing.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.EventSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.platform.outbox.Outbox;
import org.custodian.platform.time.LegalTime;
import org.custodian.sharing.decision.AgreementTerms;
import org.custodian.sharing.decision.DataCategory;
import org.custodian.sharing.decision.RecipientRole;
import org.custodian.sharing.decision.RestrictionGround;
import org.custodian.sharing.decision.Schedule1Condition;
import org.custodian.sharing.decision.Sector;
import org.custodian.sharing.decision.SpecialCategoryCondition;
import org.custodian.sharing.recipient.Recipient;
import org.custodian.sharing.recipient.Recipient.Kind;
import org.custodian.sharing.recipient.RecipientEvents;
import org.custodian.sharing.recipient.RecipientRepository;
import org.custodian.sharing.school.SchoolSeeder;

/**
 * Seeds a school, the first time it uses this service, with the recipients its privacy notice names and the
 * statutory flows the notice describes (DfE census; local authority safeguarding and exclusions). All are editable.
 */
@ApplicationScoped
public class SchoolDefaultsService implements SchoolSeeder {

    /** A recipient the privacy notice names. */
    public record DefaultRecipient(String key, String name, Kind kind, Sector sector, String description) {}

    /** A statutory flow the notice describes. */
    public record DefaultAgreement(
            String recipientKey,
            String name,
            Set<String> purposes,
            Set<DataCategory> categories,
            String legalReference,
            AgreementTerms.Conditions conditions) {}

    public static final List<DefaultRecipient> RECIPIENTS = List.of(
            new DefaultRecipient(
                    "la",
                    "Local authority",
                    Kind.STATUTORY_BODY,
                    Sector.CHILDRENS_SERVICES,
                    "Our local authority: safeguarding concerns, exclusions and other statutory returns"),
            new DefaultRecipient(
                    "dfe",
                    "Department for Education",
                    Kind.STATUTORY_BODY,
                    Sector.CENTRAL_GOVERNMENT,
                    "Statutory data collections such as the school census (National Pupil Database)"),
            new DefaultRecipient("ofsted", "Ofsted", Kind.STATUTORY_BODY, Sector.REGULATOR, "Our regulator"),
            new DefaultRecipient(
                    "exams", "Examining bodies", Kind.CONTROLLER, Sector.EDUCATION, "Educators and examining bodies"),
            new DefaultRecipient(
                    "health",
                    "Health authorities",
                    Kind.CONTROLLER,
                    Sector.HEALTH,
                    "Health authorities and health and social welfare organisations (e.g. school nursing)"),
            new DefaultRecipient("police", "Police forces", Kind.STATUTORY_BODY, Sector.POLICE, "Police forces"),
            new DefaultRecipient(
                    "courts", "Courts and tribunals", Kind.STATUTORY_BODY, Sector.COURTS, "Courts and tribunals"),
            new DefaultRecipient(
                    "wonde",
                    "Wonde",
                    Kind.PROCESSOR,
                    Sector.EDTECH,
                    "Educational platform and data capture partner (MIS integration)"),
            new DefaultRecipient(
                    "discovery", "Discovery Education", Kind.PROCESSOR, Sector.EDTECH, "Educational platform"));

    public static final List<DefaultAgreement> AGREEMENTS = List.of(
            new DefaultAgreement(
                    "dfe",
                    "School census (DfE)",
                    Set.of("census"),
                    EnumSet.of(
                            DataCategory.IDENTITY,
                            DataCategory.CHARACTERISTICS,
                            DataCategory.ATTENDANCE,
                            DataCategory.ASSESSMENT,
                            DataCategory.EXCLUSIONS),
                    "Education Act 1996 s.537A; Education (Information About Individual Pupils) (England) Regulations 2013",
                    statutoryReturn()),
            new DefaultAgreement(
                    "la",
                    "Safeguarding referrals to the local authority",
                    Set.of("safeguarding"),
                    EnumSet.of(
                            DataCategory.IDENTITY,
                            DataCategory.CONTACT,
                            DataCategory.SAFEGUARDING,
                            DataCategory.MEDICAL,
                            DataCategory.SUPPORT,
                            DataCategory.ATTENDANCE),
                    "Children Act 1989 s.47; Children Act 2004 s.11; Education Act 2002 s.175",
                    // Art. 9(2)(g) with DPA 2018 Sch. 1 para 18 (Part 2): safeguarding of children and of individuals
                    // at risk; the same condition authorises the allegations of offences a safeguarding file holds
                    // (Art. 10, s.10(5))
                    new AgreementTerms.Conditions(
                            SpecialCategoryCondition.SUBSTANTIAL_PUBLIC_INTEREST,
                            Schedule1Condition.SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK,
                            RecipientRole.CONTROLLER,
                            null,
                            null,
                            RestrictionGround.IMPORTANT_PUBLIC_INTEREST)),
            new DefaultAgreement(
                    "la",
                    "Exclusion notifications to the local authority",
                    Set.of("exclusions"),
                    EnumSet.of(DataCategory.IDENTITY, DataCategory.EXCLUSIONS, DataCategory.CHARACTERISTICS),
                    "School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012 reg. 5",
                    statutoryReturn()));

    /**
     * A statutory return with characteristics (ethnicity, SEN: special category data): Art. 9(2)(g) with DPA 2018 Sch.
     * 1 para 6 (statutory and government purposes, Part 2); restricted data still goes for the important public
     * interest the statute serves (Art. 18(2)).
     */
    private static AgreementTerms.Conditions statutoryReturn() {
        return new AgreementTerms.Conditions(
                SpecialCategoryCondition.SUBSTANTIAL_PUBLIC_INTEREST,
                Schedule1Condition.STATUTORY_AND_GOVERNMENT_PURPOSES,
                RecipientRole.CONTROLLER,
                null,
                null,
                RestrictionGround.IMPORTANT_PUBLIC_INTEREST);
    }

    private final Jdbc jdbc;

    private final RecipientRepository recipients;

    private final AgreementRepository agreements;

    private final AuditLog audit;

    private final Clock clock;

    private final Outbox outbox;

    private final EventSource events;

    SchoolDefaultsService(
            Jdbc jdbc,
            RecipientRepository recipients,
            AgreementRepository agreements,
            AuditLog audit,
            Clock clock,
            Outbox outbox,
            EventSource events) {
        this.outbox = outbox;
        this.events = events;
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    /** Seeds the school once; concurrent first requests seed once (the school_seed row decides). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void ensureSeeded(String urn) {
        if (jdbc.one("SELECT 1 FROM school_seed WHERE school_urn = ?", r -> 1, urn)
                .isPresent()) {
            return;
        }
        Instant now = clock.instant();
        if (jdbc.update(
                        "INSERT INTO school_seed (school_urn, seeded_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        urn,
                        now)
                == 0) {
            return;
        }
        Map<String, UUID> ids = new HashMap<>();
        List<CloudEvent> created = new ArrayList<>();
        for (DefaultRecipient d : RECIPIENTS) {
            Recipient recipient = Recipient.create(
                    urn,
                    d.name(),
                    d.kind(),
                    d.sector(),
                    "GB",
                    null,
                    null,
                    d.description(),
                    Recipient.Status.ACTIVE,
                    true,
                    now);
            recipients.persist(recipient);
            ids.put(d.key(), recipient.id());
            created.add(RecipientEvents.of(events, EventTypes.RECIPIENT_CREATED, recipient));
        }
        LocalDate from = LegalTime.today(clock);
        for (DefaultAgreement d : AGREEMENTS) {
            Agreement agreement = Agreement.seeded(
                    urn,
                    ids.get(d.recipientKey()),
                    AgreementDetails.statutory(
                            d.name(), d.purposes(), d.categories(), d.legalReference(), from, d.conditions()),
                    now);
            agreements.persist(agreement);
            created.add(AgreementEvents.of(events, EventTypes.AGREEMENT_CREATED, agreement));
        }
        outbox.appendAll(created);
        audit.record(new AuditEntry(
                urn,
                now,
                "sharing-service",
                "system",
                "school/" + urn,
                "defaults.seeded",
                AuditEntry.Outcome.SUCCESS,
                null,
                RECIPIENTS.size() + " recipients and " + AGREEMENTS.size()
                        + " statutory agreements from the privacy notice"));
    }
}
