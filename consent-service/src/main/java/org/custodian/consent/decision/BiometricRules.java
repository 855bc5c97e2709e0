package org.custodian.consent.decision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is a "parent" of a child for the Protection of Freedoms Act 2012, Part 1 Chapter 2 (ss.26–28), and which of
 * them still have to be notified in writing before the child's biometric information may be processed.
 *
 * <p>s.28(5): "“Parent” means a parent of the child and any individual who is not a parent of the child but who has
 * parental responsibility for the child." — so a mother or father counts whether or not they hold parental
 * responsibility, and anyone else only with it; a local authority is not an "individual".
 *
 * <p>s.28(6): "In a case where the relevant authority is satisfied that, by virtue of section 27(1), there is no
 * person falling within subsection (5) who must be notified or whose consent is required, “parent” is to be read as
 * including each individual who has care of the child, but this is subject to subsections (7) and (8)."
 *
 * <p>s.28(7) opens "In a case to which subsection (6) applies where the child is looked after by a local authority
 * (within the meaning given by section 22(1) of the [Children Act 1989]) …"; the rest of (7) and (8) could not be read
 * through the search tool. Following the DfE advice and legal-rules.md: for a looked-after child the local authority,
 * and for a child accommodated or maintained by a voluntary organisation that organisation, is the one to notify and
 * ask, in place of the individuals who have care of the child (a foster carer).
 *
 * <p>s.27(1) excepts a particular parent from notification and consent where the school is satisfied that they
 * cannot be found, lack capacity, that the child's welfare requires they are not contacted, or that it is otherwise
 * not reasonably practicable (the last as in the Bill's clause 27(1)(d) and the DfE advice).
 */
public final class BiometricRules {

    private BiometricRules() {}

    /** What the school recorded about notifying one parent (s.26(2)), or why it need not (s.27(1)). */
    public enum NoticeOutcome {
        /** Notified in writing of the intention to process and of the right to object at any time (s.26(2)). */
        NOTIFIED,
        /** s.27(1)(a). */
        CANNOT_BE_FOUND,
        /** s.27(1)(b): lacks capacity within the meaning of the Mental Capacity Act 2005. */
        LACKS_CAPACITY,
        /** s.27(1)(c): the welfare of the child requires that the parent is not contacted. */
        WELFARE,
        /** s.27(1)(d): otherwise not reasonably practicable to notify them or obtain their consent. */
        NOT_REASONABLY_PRACTICABLE;

        public boolean isException() {
            return this != NOTIFIED;
        }
    }

    /** Who a linked person is to the child, as the MIS records it. */
    public enum Standing {
        /** A mother, father or parent (s.28(5): "a parent of the child"), with or without parental responsibility. */
        PARENT_OF_CHILD,
        /** Anyone else linked to the child (step-parent, grandparent, foster carer…). */
        OTHER_INDIVIDUAL,
        /** The local authority that looks after the child (s.28(7)). */
        LOCAL_AUTHORITY,
        /** The voluntary organisation that accommodates or maintains the child (s.28(8)). */
        VOLUNTARY_ORGANISATION
    }

    /** One person linked to the child. */
    public record Person(String id, Standing standing, boolean parentalResponsibility, boolean hasCare) {

        /** s.28(5): a parent of the child, or an individual with parental responsibility. */
        boolean isParentInTheNarrowSense() {
            return standing == Standing.PARENT_OF_CHILD
                    || (standing == Standing.OTHER_INDIVIDUAL && parentalResponsibility);
        }
    }

    /**
     * @param parents       whose consent and objection count: the parents for the Act
     * @param awaitingNotice those of them not yet notified in writing and not excepted under s.27(1)
     * @param basis         which reading of s.28 applied, for the explanation
     */
    public record Parents(Set<String> parents, Set<String> awaitingNotice, String basis) {

        public boolean allNotified() {
            return awaitingNotice.isEmpty();
        }
    }

    /** The parents of the child for the Act, given who is linked and what was recorded about notifying them. */
    public static Parents parents(List<Person> linked, Map<String, NoticeOutcome> notices) {
        List<Person> narrow =
                linked.stream().filter(Person::isParentInTheNarrowSense).toList();
        List<Person> toNotify = narrow.stream()
                .filter(p -> notices.get(p.id()) == null || !notices.get(p.id()).isException())
                .toList();
        if (!toNotify.isEmpty()) {
            Set<String> ids = new LinkedHashSet<>();
            narrow.forEach(p -> ids.add(p.id()));
            return new Parents(
                    ids,
                    awaiting(toNotify, notices),
                    "s.28(5): each parent of the child and each individual with parental responsibility");
        }
        List<Person> substitutes = substitutes(linked);
        Set<String> ids = new LinkedHashSet<>();
        substitutes.forEach(p -> ids.add(p.id()));
        List<Person> substitutesToNotify = substitutes.stream()
                .filter(p -> notices.get(p.id()) == null || !notices.get(p.id()).isException())
                .toList();
        String basis = substitutes.isEmpty()
                ? "no parent within s.28(5) can be notified or asked, and nobody else is recorded under s.28(6)–(8)"
                : substitutes.get(0).standing() == Standing.LOCAL_AUTHORITY
                        ? "s.28(6)–(7): no parent within s.28(5) can be asked (s.27(1)); the child is looked after: the local authority"
                        : substitutes.get(0).standing() == Standing.VOLUNTARY_ORGANISATION
                                ? "s.28(6) and (8): no parent within s.28(5) can be asked (s.27(1)); the voluntary organisation"
                                : "s.28(6): no parent within s.28(5) can be asked (s.27(1)); each individual who has care of the child";
        return new Parents(ids, awaiting(substitutesToNotify, notices), basis);
    }

    /** s.28(6)–(8): the local authority, else the voluntary organisation, else each individual who has care. */
    private static List<Person> substitutes(List<Person> linked) {
        List<Person> authority = linked.stream()
                .filter(p -> p.standing() == Standing.LOCAL_AUTHORITY)
                .toList();
        if (!authority.isEmpty()) {
            return authority;
        }
        List<Person> organisation = linked.stream()
                .filter(p -> p.standing() == Standing.VOLUNTARY_ORGANISATION)
                .toList();
        if (!organisation.isEmpty()) {
            return organisation;
        }
        return linked.stream()
                .filter(p -> p.hasCare() && !p.isParentInTheNarrowSense())
                .toList();
    }

    private static Set<String> awaiting(List<Person> people, Map<String, NoticeOutcome> notices) {
        Set<String> ids = new LinkedHashSet<>();
        for (Person p : people) {
            if (notices.get(p.id()) != NoticeOutcome.NOTIFIED) {
                ids.add(p.id());
            }
        }
        return ids;
    }

    /**
     * Whether the school may record a notice (or an s.27(1) exception) for this person now: a parent within s.28(5),
     * or one of the parents s.28(6)–(8) substitutes when no s.28(5) parent can be asked.
     */
    public static boolean mayBeNotified(List<Person> linked, Map<String, NoticeOutcome> notices, String id) {
        boolean narrow = linked.stream().anyMatch(p -> p.id().equals(id) && p.isParentInTheNarrowSense());
        return narrow || parents(linked, notices).parents().contains(id);
    }

    /** Whether a person linked to the child could ever be a parent for the Act (used to accept their records). */
    public static boolean couldBeAParent(Person person) {
        return person.isParentInTheNarrowSense()
                || person.hasCare()
                || person.standing() == Standing.LOCAL_AUTHORITY
                || person.standing() == Standing.VOLUNTARY_ORGANISATION;
    }

    /** The explanation lines for the notices still missing. */
    static List<String> missingNotices(Parents parents) {
        List<String> lines = new ArrayList<>();
        for (String id : parents.awaitingNotice()) {
            lines.add(
                    "guardian " + id
                            + " has not been notified in writing (Protection of Freedoms Act 2012, s.26(2)) and no s.27(1) exception is recorded");
        }
        return lines;
    }
}
