package org.custodian.sar.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.custodian.platform.audit.AuditEntry;
import org.custodian.platform.audit.AuditLog;
import org.custodian.platform.http.ETags;
import org.custodian.platform.pagination.Page;
import org.custodian.platform.pagination.PageRequest;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.platform.problems.Problems;
import org.custodian.platform.quota.Quotas;
import org.custodian.platform.security.Caller;
import org.custodian.platform.security.Roles;
import org.custodian.platform.security.Visibility;
import org.custodian.platform.time.LegalTime;
import org.custodian.sar.config.SarConfig;
import org.custodian.sar.deadline.Deadline;
import org.custodian.sar.deadline.Deadlines;
import org.custodian.sar.deadline.SchoolDeadlines;
import org.custodian.sar.notice.PrivacyNotices;
import org.custodian.sar.notice.SchoolNotice;
import org.custodian.sar.request.RequestDtos.CreateRequest;
import org.custodian.sar.request.RequestDtos.RequestView;
import org.custodian.sar.request.RightsRequest.Channel;
import org.custodian.sar.request.RightsRequest.Requester;
import org.custodian.sar.request.RightsRequest.RequesterType;
import org.custodian.sar.request.RightsRequest.Subject;
import org.custodian.sar.request.RightsRequest.SubjectType;
import org.custodian.sar.roster.Pupil;
import org.custodian.sar.roster.Roster;
import org.custodian.sar.roster.SchoolProfile;
import org.custodian.sar.roster.SchoolSettingsChanged;

/**
 * The rules of rights requests: who may make one about whom, the child-agreement rule, the lifecycle, deadlines,
 * the audit trail and the events. Every change runs in one transaction with its audit row and its outbox event. An
 * answer (a fee, a refusal, a decision, a completion) first asks for the school's published privacy notice, before the
 * request is locked, so that the right to complain and the ICO's contact it carries are the notice's, naming its
 * version (the statutory minimum when there is none).
 */
@Transactional
@ApplicationScoped
public class RequestService {

    private final Caller caller;
    private final RightsRequestRepository repository;
    private final Roster roster;
    private final SchoolDeadlines schoolDeadlines;
    private final AuditLog audit;
    private final RightsEventPublisher events;
    private final Instance<CompletionCheck> completionChecks;
    private final Clock clock;
    private final Quotas quotas;
    private final PrivacyNotices notices;
    private final int requestsPerDay;

    public RequestService(
            Caller caller,
            RightsRequestRepository repository,
            Roster roster,
            SchoolDeadlines schoolDeadlines,
            AuditLog audit,
            RightsEventPublisher events,
            Instance<CompletionCheck> completionChecks,
            Clock clock,
            Quotas quotas,
            PrivacyNotices notices,
            SarConfig config) {
        this.caller = caller;
        this.repository = repository;
        this.roster = roster;
        this.schoolDeadlines = schoolDeadlines;
        this.audit = audit;
        this.events = events;
        this.completionChecks = completionChecks;
        this.clock = clock;
        this.quotas = quotas;
        this.notices = notices;
        this.requestsPerDay = config.quota().requestsPerDay();
    }

    // ------------------------------------------------------------------ who sees what

    public boolean callerIsStaff() {
        return caller.hasAnyRole(List.of(Roles.DPO, Roles.SCHOOL_ADMIN, Roles.AUDITOR));
    }

    /** Parents and pupils see the requests they made; staff see every request of the school. */
    public boolean visibleToCaller(RightsRequest r) {
        if (callerIsStaff()) {
            return true;
        }
        if (caller.hasRole(Roles.PARENT) && r.madeBy(RequesterType.GUARDIAN, caller.subject())) {
            return true;
        }
        return caller.hasRole(Roles.PUPIL) && r.madeBy(RequesterType.PUPIL, caller.subject());
    }

    /** The request if it exists in this school and the caller may see it; otherwise 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RightsRequest get(String urn, UUID id) {
        return Visibility.visibleOrNotFound(repository.findInSchool(urn, id), this::visibleToCaller, "request");
    }

    /** What the API shows of the request, if the caller may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RequestView read(String urn, UUID id) {
        return RequestViews.view(get(urn, id), deadlines(urn), !callerIsStaff());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RequestDtos.RequestSummary> list(String urn, RequestFilter filter, PageRequest page) {
        RequestFilter scoped = filter;
        if (!callerIsStaff()) {
            RequesterType own = caller.hasRole(Roles.PARENT) ? RequesterType.GUARDIAN : RequesterType.PUPIL;
            scoped = new RequestFilter(
                    filter.status(), filter.type(), filter.pupilId(), filter.dueBefore(), own, caller.subject());
        }
        LocalDate today = LegalTime.today(clock);
        return repository.pageInSchool(urn, scoped, page).map(r -> RequestViews.summary(r, today));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RequestDtos.RequestSummary> due(String urn, int withinDays, PageRequest page) {
        LocalDate today = LegalTime.today(clock);
        return repository.dueInSchool(urn, today.plusDays(withinDays), page).map(r -> RequestViews.summary(r, today));
    }

    public Deadlines deadlines(String urn) {
        return schoolDeadlines.forSchool(urn);
    }

    // ------------------------------------------------------------------ creating

    public RequestView create(String urn, CreateRequest in) {
        if (caller.hasAnyRole(List.of(Roles.PARENT, Roles.PUPIL))) {
            quotas.consume(caller, urn, "requests.create", requestsPerDay);
        }
        LocalDate today = LegalTime.today(clock);
        boolean parent = caller.hasRole(Roles.PARENT) && !callerIsStaff();
        boolean pupil = caller.hasRole(Roles.PUPIL) && !callerIsStaff() && !parent;
        Requester requester;
        Channel channel;
        LocalDate receivedOn;
        if (parent || pupil) {
            RequesterType own = parent ? RequesterType.GUARDIAN : RequesterType.PUPIL;
            if (in.requester() != null
                    && (in.requester().type() != own || !in.requester().id().equals(caller.subject()))) {
                throw Problems.invalid("requester", "you make requests as yourself: leave requester out");
            }
            if (in.channel() != null && in.channel() != Channel.ONLINE) {
                throw Problems.invalid("channel", "a request you make here arrives ONLINE");
            }
            if (in.receivedOn() != null && !in.receivedOn().equals(today)) {
                throw Problems.invalid("receivedOn", "a request you make here is received today, " + today);
            }
            requester = new Requester(own, caller.subject());
            channel = Channel.ONLINE;
            receivedOn = today;
        } else {
            if (in.requester() == null) {
                throw Problems.invalid("requester", "name the guardian or pupil who made the request");
            }
            if (in.channel() == null) {
                throw Problems.invalid(
                        "channel", "say how the request arrived (EMAIL, LETTER, IN_PERSON, TELEPHONE, ONLINE, OTHER)");
            }
            requester = new Requester(in.requester().type(), in.requester().id());
            channel = in.channel();
            receivedOn = in.receivedOn() == null ? today : in.receivedOn();
            if (receivedOn.isAfter(today)) {
                throw Problems.invalid("receivedOn", "cannot be in the future (today is " + today + ")");
            }
        }
        Subject subject = new Subject(in.subject().type(), in.subject().id());
        SchoolProfile school = roster.schoolOrDefaults(urn);
        Integer childAge = checkSubjectAndRequester(urn, in.type(), subject, requester, parent || pupil, receivedOn);
        String agreementNote = null;
        if (requester.type() == RequesterType.GUARDIAN
                && subject.type() == SubjectType.PUPIL
                && in.type().parentNeedsChildAgreement()) {
            Pupil child = roster.pupil(urn, subject.id()).orElseThrow();
            Optional<String> needed = ChildAgreementRule.agreementNeeded(
                    child.dateOfBirth(),
                    receivedOn,
                    school.effectiveCompetenceAge(),
                    Optional.ofNullable(child.competence())
                            .map(a -> new ChildAgreementRule.Assessment(a.competent(), a.assessedOn())));
            if (needed.isPresent()) {
                if (in.childAgreement() == null || !in.childAgreement().recorded()) {
                    throw Problems.unprocessable("The child's agreement is needed: " + needed.get() + ".");
                }
                agreementNote = in.childAgreement().how();
            }
        }
        if (in.type() == RequestType.EDUCATIONAL_RECORD && !school.educationalRecordApplies()) {
            throw Problems.unprocessable(
                    "The right to see the educational record (Education (Pupil Information) (England) Regulations 2005;"
                            + " Pupil Information (Wales) Regulations 2011) applies to maintained schools in England"
                            + " and Wales; this school is "
                            + (school.type() == null
                                    ? "not yet known to be one"
                                    : school.type() + " in " + school.schoolNation())
                            + ". Make a subject access request (ACCESS) instead.");
        }

        RightsRequest r = RightsRequest.received(
                urn,
                in.type(),
                subject,
                requester,
                caller.subject(),
                caller.primaryRole(),
                channel,
                receivedOn,
                in.description(),
                childAge,
                agreementNote,
                clock.instant(),
                deadlines(urn));
        repository.persist(r);
        audit.record(
                caller,
                urn,
                subject.path(urn),
                "request.created",
                AuditEntry.Outcome.SUCCESS,
                r.type() + " " + r.id() + " received " + receivedOn + " by " + channel);
        events.received(r);
        return RequestViews.view(r, deadlines(urn), !callerIsStaff());
    }

    /**
     * The relationship checks on the roster. Parents and pupils asking about someone who is not theirs get a 404
     * (never reveal that the child exists); staff naming someone not on the roster get a 422. Returns the child's
     * age on receipt when the subject is a pupil with a known date of birth.
     */
    private Integer checkSubjectAndRequester(
            String urn, RequestType type, Subject subject, Requester requester, boolean self, LocalDate receivedOn) {
        if (subject.type() == SubjectType.GUARDIAN) {
            if (type == RequestType.EDUCATIONAL_RECORD) {
                throw Problems.unprocessable(
                        "An educational record is a pupil's: the subject of an EDUCATIONAL_RECORD request is a PUPIL.");
            }
            if (requester.type() != RequesterType.GUARDIAN || !requester.id().equals(subject.id())) {
                if (self) {
                    throw Problems.notFound("no guardian with that id");
                }
                throw Problems.unprocessable(
                        "A request about a guardian's own data is made by that guardian: requester and subject must be the same guardian.");
            }
            if (!roster.isGuardianKnown(urn, subject.id())) {
                throw Problems.unprocessable("Guardian " + subject.id() + " is not on the school's roster.");
            }
            return null;
        }
        Optional<Pupil> pupil = roster.pupil(urn, subject.id());
        if (requester.type() == RequesterType.PUPIL) {
            if (!requester.id().equals(subject.id())) {
                if (self) {
                    throw Problems.notFound("no pupil with that id");
                }
                throw Problems.unprocessable(
                        "A pupil makes requests about themselves: requester and subject must be the same pupil.");
            }
            if (type == RequestType.EDUCATIONAL_RECORD) {
                throw Problems.unprocessable(
                        "The educational record right belongs to parents; a pupil makes a subject access request (ACCESS).");
            }
        } else if (type == RequestType.EDUCATIONAL_RECORD
                ? !roster.isParentUnderEducationAct(urn, requester.id(), subject.id())
                : !roster.hasParentalResponsibility(urn, requester.id(), subject.id())) {
            if (self) {
                throw Problems.notFound("no pupil with that id");
            }
            if (pupil.isEmpty()) {
                throw Problems.unprocessable("Pupil " + subject.id() + " is not on the school's roster.");
            }
            if (type == RequestType.EDUCATIONAL_RECORD) {
                // Education Act 1996 s.576(1): parental responsibility or care of the child
                throw Problems.unprocessable("Guardian " + requester.id() + " neither holds parental responsibility"
                        + " for pupil " + subject.id() + " nor has care of them on the school's roster, so is not"
                        + " their parent for the educational record (Education Act 1996 s.576).");
            }
            throw Problems.unprocessable("Guardian " + requester.id()
                    + " does not hold parental responsibility for pupil " + subject.id() + " on the school's roster.");
        }
        if (pupil.isEmpty()) {
            if (self) {
                throw Problems.notFound("no pupil with that id");
            }
            throw Problems.unprocessable("Pupil " + subject.id() + " is not on the school's roster.");
        }
        return ChildAgreementRule.ageOn(pupil.get().dateOfBirth(), receivedOn).orElse(null);
    }

    // ------------------------------------------------------------------ steps

    /** A step's effective day: today by default, never in the future, never before the request was received. */
    private LocalDate effective(String field, LocalDate given, RightsRequest r) {
        LocalDate today = LegalTime.today(clock);
        LocalDate day = given == null ? today : given;
        if (day.isAfter(today)) {
            throw Problems.invalid(field, "cannot be in the future (today is " + today + ")");
        }
        if (day.isBefore(r.receivedOn())) {
            throw Problems.invalid(field, "cannot be before the request was received (" + r.receivedOn() + ")");
        }
        return day;
    }

    /**
     * Performs one lifecycle action: locks the request, checks If-Match (when sent) and the state machine, applies
     * the change, recomputes the deadline, records the step, the audit row and, when the request closes, its event.
     */
    private RequestView act(
            String urn,
            UUID id,
            String ifMatch,
            Action action,
            String dateField,
            LocalDate given,
            String note,
            Consumer<Context> change) {
        RightsRequest r = Visibility.visibleOrNotFound(
                repository.findInSchoolForUpdate(urn, id), this::visibleToCaller, "request");
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, r.version());
        }
        LocalDate on = effective(dateField, given, r);
        RequestStatus from = r.status();
        RequestStatus to;
        try {
            to = Lifecycle.next(r.type(), from, action);
        } catch (Lifecycle.IllegalTransitionException e) {
            throw Problems.conflict(e.getMessage());
        }
        Deadlines deadlines = deadlines(urn);
        change.accept(new Context(r, on, deadlines));
        r.advance(
                step(action.name().toLowerCase().replace('_', '-'), from, to, on, note),
                on,
                deadlines,
                clock.instant());
        repository.flush(); // the new version is the ETag of the answer
        audit.record(
                caller,
                urn,
                r.subject().path(urn),
                "request." + action.name().toLowerCase(),
                AuditEntry.Outcome.SUCCESS,
                r.type() + " " + r.id() + ": " + from + " -> " + to
                        + (note == null ? "" : " (" + abbreviate(note) + ")"));
        if (to.isClosed() && !from.isClosed()) {
            events.closed(r);
        }
        return RequestViews.view(r, deadlines, !callerIsStaff());
    }

    /** What a step's change sees: the request, the step's day and the school's deadline calculator. */
    public record Context(RightsRequest request, LocalDate on, Deadlines deadlines) {
        Deadline deadline() {
            return request.deadline(deadlines);
        }
    }

    public RequestView identity(String urn, UUID id, String ifMatch, RequestDtos.IdentityVerification in) {
        Action action = switch (in.decision()) {
            case REQUIRED -> Action.REQUEST_IDENTITY;
            case CONFIRMED -> Action.CONFIRM_IDENTITY;
            case NOT_REQUIRED -> Action.WAIVE_IDENTITY;
        };
        return act(urn, id, ifMatch, action, "on", in.on(), in.note(), c -> {
            RightsRequest r = c.request();
            switch (in.decision()) {
                case REQUIRED -> r.identityRequested(c.on());
                case CONFIRMED -> {
                    if (r.identityRequestedOn() != null && c.on().isBefore(r.identityRequestedOn())) {
                        throw Problems.invalid(
                                "on",
                                "identity cannot be confirmed before it was asked for (" + r.identityRequestedOn()
                                        + ")");
                    }
                    r.identityConfirmed(c.on());
                }
                case NOT_REQUIRED -> {}
            }
            if (in.note() != null) {
                r.resolve(res -> res.withIdentityNote(in.note()));
            }
        });
    }

    public RequestView askClarification(String urn, UUID id, String ifMatch, RequestDtos.ClarificationRequest in) {
        return act(urn, id, ifMatch, Action.REQUEST_CLARIFICATION, "askedOn", in.askedOn(), in.question(), c -> {
            Deadline now = c.deadline();
            if (now.dueOn() != null && c.on().isAfter(now.dueOn())) {
                throw Problems.conflict("the deadline (" + now.dueOn()
                        + ") has passed: asking for clarification now cannot stop the clock");
            }
            c.request().clarificationAsked(c.on(), in.question());
        });
    }

    public RequestView answerClarification(String urn, UUID id, String ifMatch, RequestDtos.ClarificationResponse in) {
        return act(urn, id, ifMatch, Action.RECEIVE_CLARIFICATION, "answeredOn", in.answeredOn(), null, c -> {
            RightsRequest.Clarification open = c.request().openClarification().orElseThrow();
            if (c.on().isBefore(open.askedOn())) {
                throw Problems.invalid(
                        "answeredOn", "cannot be before the clarification was asked for (" + open.askedOn() + ")");
            }
            c.request().clarificationAnswered(c.on(), in.answer());
        });
    }

    public RequestView requestFee(String urn, UUID id, String ifMatch, RequestDtos.FeeRequest in) {
        SchoolNotice notice = notices.current(urn);
        return act(
                urn,
                id,
                ifMatch,
                Action.REQUEST_FEE,
                "requestedOn",
                in.requestedOn(),
                in.ground() + ": " + in.explanation(),
                c -> {
                    RightsRequest r = c.request();
                    if (r.feeRequestedOn() != null) {
                        throw Problems.conflict("a fee was already asked for on " + r.feeRequestedOn());
                    }
                    refuseAfterTheDeadline(c, "a fee");
                    r.feeRequested(c.on());
                    r.resolve(res -> res.withFee(new Resolution.Fee(
                                    in.amount(),
                                    in.ground().name(),
                                    in.explanation(),
                                    notice.rightToComplain(),
                                    notice.used()))
                            .withIco(notice.ico()));
                });
    }

    public RequestView payFee(String urn, UUID id, String ifMatch, RequestDtos.FeePayment in) {
        return act(urn, id, ifMatch, Action.RECEIVE_FEE, "receivedOn", in.receivedOn(), in.note(), c -> {
            if (c.on().isBefore(c.request().feeRequestedOn())) {
                throw Problems.invalid(
                        "receivedOn",
                        "cannot be before the fee was asked for (" + c.request().feeRequestedOn() + ")");
            }
            c.request().feeReceived(c.on());
        });
    }

    public RequestView extend(String urn, UUID id, String ifMatch, RequestDtos.Extension in) {
        return act(urn, id, ifMatch, Action.EXTEND, "toldOn", in.toldOn(), in.reason(), c -> {
            RightsRequest r = c.request();
            if (r.extensionToldOn() != null) {
                throw Problems.conflict("the request was already extended (told on " + r.extensionToldOn() + ")");
            }
            Deadline now = c.deadline();
            if (now.firstMonthDueOn() == null || c.on().isAfter(now.firstMonthDueOn())) {
                throw Problems.conflict("an extension must be told to the requester within the first month, by "
                        + now.firstMonthDueOn() + "; " + c.on() + " is too late");
            }
            r.extended(c.on(), in.reason());
        });
    }

    public RequestView acknowledge(String urn, UUID id, String ifMatch, RequestDtos.Acknowledgement in) {
        return act(urn, id, ifMatch, Action.ACKNOWLEDGE, "acknowledgedOn", in.acknowledgedOn(), in.note(), c -> {
            if (c.request().acknowledgedOn() != null) {
                throw Problems.conflict("the complaint was already acknowledged on "
                        + c.request().acknowledgedOn());
            }
            c.request().acknowledged(c.on());
        });
    }

    public RequestView complete(String urn, UUID id, String ifMatch, RequestDtos.Completion in) {
        SchoolNotice notice = notices.current(urn);
        return act(urn, id, ifMatch, Action.COMPLETE, "completedOn", in.completedOn(), in.summary(), c -> {
            RightsRequest r = c.request();
            if (r.type().answeredWithBundle()) {
                for (CompletionCheck check : completionChecks) {
                    check.whyNotComplete(r).ifPresent(why -> {
                        throw Problems.conflict(why);
                    });
                }
            }
            if (r.type() == RequestType.COMPLAINT && r.acknowledgedOn() == null) {
                r.acknowledged(c.on()); // the answer acknowledges it
            }
            boolean complaint = r.type() == RequestType.COMPLAINT;
            r.resolve(res -> res.withCompletion(new Resolution.Completion(
                            in.summary(),
                            c.on(),
                            complaint
                                    ? "If you are not satisfied with this answer, you can complain to the ICO. "
                                            + notice.rightToComplain()
                                    : null,
                            complaint ? notice.used() : null))
                    .withIco(notice.ico()));
        });
    }

    public RequestView refuse(String urn, UUID id, String ifMatch, RequestDtos.Refusal in) {
        SchoolNotice notice = notices.current(urn);
        return act(
                urn,
                id,
                ifMatch,
                Action.REFUSE,
                "refusedOn",
                in.refusedOn(),
                in.ground() + ": " + in.explanation(),
                c -> {
                    refuseAfterTheDeadline(c, "a refusal");
                    c.request()
                            .resolve(res -> res.withRefusal(new Resolution.Refusal(
                                            in.ground().name(),
                                            in.explanation(),
                                            c.on(),
                                            notice.rightToComplain(),
                                            notice.used()))
                                    .withIco(notice.ico()));
                });
    }

    /**
     * UK GDPR Art. 12(4) (and 12(5)): the reasons for not acting, and a fee, must be communicated "before the end of
     * the applicable time period (see Article 12A)". After the deadline neither can be made: it would not move the
     * deadline nor cure the late answer, so the request stays open and overdue until it is answered.
     */
    private static void refuseAfterTheDeadline(Context c, String what) {
        Deadline now = c.deadline();
        if (now.dueOn() != null && c.on().isAfter(now.dueOn())) {
            throw Problems.conflict("the deadline (" + now.dueOn() + ") has passed: " + what
                    + " must be communicated within the time limit (UK GDPR Art. 12(4)); made on " + c.on()
                    + " it would not move the deadline nor cure the late answer, so the request stays overdue until"
                    + " it is answered");
        }
    }

    public RequestView withdraw(String urn, UUID id, String ifMatch, RequestDtos.Withdrawal in) {
        return act(
                urn,
                id,
                ifMatch,
                Action.WITHDRAW,
                "withdrawnOn",
                in.withdrawnOn(),
                in.note(),
                c -> c.request()
                        .resolve(res ->
                                res.withWithdrawal(new Resolution.Withdrawal(in.note(), c.on(), caller.subject()))));
    }

    public RequestView decide(String urn, UUID id, String ifMatch, RequestDtos.Decision in) {
        Action action = in.outcome() == RightsDecision.Outcome.REFUSED ? Action.DECIDE_REFUSED : Action.DECIDE_APPROVED;
        SchoolNotice notice = notices.current(urn);
        boolean approved = in.outcome() == RightsDecision.Outcome.APPROVED;
        return act(urn, id, ifMatch, action, "decidedOn", in.decidedOn(), in.outcome() + ": " + in.reason(), c -> {
            RightsRequest r = c.request();
            RightsDecision decision = new RightsDecision(
                    in.outcome(),
                    in.exemption(),
                    in.categories(),
                    in.reason(),
                    in.consentBasedOnly(),
                    in.processing(),
                    in.purposes(),
                    in.description(),
                    c.on(),
                    approved ? null : notice.rightToComplain(),
                    approved ? null : notice.used());
            List<String[]> problems = DecisionRules.problems(r.type(), decision);
            if (!problems.isEmpty()) {
                throw Problems.invalid(
                        problems.stream().map(p -> new FieldError(p[0], p[1])).toList());
            }
            r.resolve(res -> res.withDecision(decision).withIco(notice.ico()));
            if (r.subject().type() == SubjectType.PUPIL) {
                DecisionRules.eventFor(r.type(), r.id().toString(), r.subject().id(), decision)
                        .ifPresent(e -> events.publish(r, e.type(), e.payload()));
            }
        });
    }

    public RequestView liftRestriction(String urn, UUID id, String ifMatch, RequestDtos.RestrictionLift in) {
        return act(urn, id, ifMatch, Action.LIFT_RESTRICTION, "liftedOn", in.liftedOn(), in.reason(), c -> {
            RightsRequest r = c.request();
            RightsDecision decision = r.resolution().decision();
            if (decision == null || !decision.upholdsTheRight()) {
                throw Problems.conflict("only a restriction that was put in place can be lifted");
            }
            if (r.resolution().restrictionLift() != null) {
                throw Problems.conflict("the restriction was already lifted on "
                        + r.resolution().restrictionLift().liftedOn());
            }
            r.resolve(res -> res.withRestrictionLift(new Resolution.RestrictionLift(in.reason(), c.on())));
            if (r.subject().type() == SubjectType.PUPIL) {
                DecisionRules.RightsEvent e = DecisionRules.liftRestriction(
                        r.id().toString(), r.subject().id(), decision, in.reason());
                events.publish(r, e.type(), e.payload());
            }
        });
    }

    private RightsRequest.Step step(String action, RequestStatus from, RequestStatus to, LocalDate on, String note) {
        return new RightsRequest.Step(
                clock.instant(), caller.subject(), caller.primaryRole(), action, from, to, on, note);
    }

    private static String abbreviate(String note) {
        return note.length() <= 200 ? note : note.substring(0, 197) + "...";
    }

    // ------------------------------------------------------------------ recomputation

    /** A school's region or term calendar changed: recompute its open requests' deadlines in the same transaction. */
    void recompute(@Observes SchoolSettingsChanged changed) {
        Deadlines deadlines = deadlines(changed.schoolUrn());
        repository.openInSchoolForUpdate(changed.schoolUrn()).forEach(r -> r.recomputeDeadline(deadlines));
    }
}
