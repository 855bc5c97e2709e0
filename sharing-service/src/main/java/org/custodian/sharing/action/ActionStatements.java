package org.custodian.sharing.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.custodian.platform.time.LegalTime;

/**
 * One sentence for a subject access bundle about what a partner was told and what came of it: "Told on 28 November
 * 2026 to erase the pupil's data (due by 29 December 2026); confirmed deleted on 1 December 2026 (14 records,
 * reference PRIV-2291)."
 */
public final class ActionStatements {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private ActionStatements() {}

    public static String describe(PartnerAction a, LocalDate today) {
        StringBuilder s = new StringBuilder("Told on ")
                .append(day(a.openedAt()))
                .append(" to ")
                .append(a.kind().description())
                .append(" (due by ")
                .append(DATE.format(a.dueOn()))
                .append(")");
        if (a.acknowledgedAt() != null) {
            s.append("; acknowledged on ").append(day(a.acknowledgedAt()));
        }
        switch (a.status()) {
            case COMPLETED -> {
                ActionRules.Completion c = a.completion();
                s.append("; confirmed ")
                        .append(c.outcome().words())
                        .append(" on ")
                        .append(day(c.performedAt()))
                        .append(" (")
                        .append(c.recordCount())
                        .append(c.recordCount() == 1 ? " record" : " records")
                        .append(", reference ")
                        .append(c.reference())
                        .append(")");
            }
            case DISPUTED ->
                s.append("; disputed on ")
                        .append(day(a.disputedAt()))
                        .append(": ")
                        .append(a.dispute().reason());
            case CLOSED ->
                s.append("; closed by the school on ")
                        .append(day(a.closedAt()))
                        .append(": ")
                        .append(a.closure().note());
            case OVERDUE ->
                s.append("; not yet confirmed, overdue since ")
                        .append(DATE.format(a.dueOn().plusDays(1)));
            default ->
                s.append(today.isAfter(a.dueOn()) ? "; not yet confirmed, past its due date" : "; not yet confirmed");
        }
        return s.append('.').toString();
    }

    private static String day(Instant at) {
        return DATE.format(LegalTime.dayOf(at));
    }
}
