package org.custodian.accountability.publication;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.custodian.accountability.notice.NoticeContent;
import org.custodian.accountability.notice.NoticeContent.Category;
import org.custodian.accountability.notice.NoticeContent.Right;
import org.custodian.accountability.notice.NoticeContent.Section;

/**
 * A published notice, and the retention schedule it summarises, as pages a school's website links: one language
 * ({@code en-GB}), one {@code h1}, a heading per section, tables with headers, text and links at a contrast of at least
 * 7:1. Every value is escaped.
 */
public final class NoticePage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private NoticePage() {}

    public static String notice(
            NoticeContent n, int version, String hash, LocalDate publishedOn, List<String> changes) {
        StringBuilder html =
                start("Privacy notice for parents and carers: " + n.controller().schoolName());
        html.append("<h1>Privacy notice for parents and carers</h1>\n<p class=\"meta\">")
                .append(esc(n.controller().schoolName()))
                .append(" (URN ")
                .append(esc(n.controller().urn()))
                .append("). Version ")
                .append(version)
                .append(", published ")
                .append(DAY.format(publishedOn))
                .append(". <span class=\"hash\">Reference ")
                .append(esc(hash.substring(0, 12)))
                .append("</span></p>\n");
        if (version > 1 && !changes.isEmpty()) {
            html.append("<h2 id=\"changes\">What has changed since version ")
                    .append(version - 1)
                    .append("</h2>\n");
            list(html, changes);
        }
        if (n.introduction() != null) {
            paragraphs(html, n.introduction());
        }
        section(html, "Who we are", Section.controller, n);
        html.append("<p>We, ")
                .append(esc(n.controller().schoolName()))
                .append(", are the data controller for the personal data described here.");
        if (n.controller().dpoEmail() != null) {
            html.append(" Our data protection officer is ")
                    .append(
                            n.controller().dpoName() == null
                                    ? ""
                                    : esc(n.controller().dpoName()) + ", ")
                    .append("<a href=\"mailto:")
                    .append(esc(n.controller().dpoEmail()))
                    .append("\">")
                    .append(esc(n.controller().dpoEmail()))
                    .append("</a>.");
        }
        html.append("</p>\n");
        explanation(html, Section.controller, n);

        section(html, "The personal data we hold", Section.categories, n);
        html.append(
                "<table>\n<caption>Categories of pupil data</caption>\n<thead><tr><th scope=\"col\">Data</th>"
                        + "<th scope=\"col\">Must it be given?</th><th scope=\"col\">If it is not given</th></tr></thead>\n<tbody>\n");
        for (Category c : n.categories()) {
            html.append("<tr><th scope=\"row\">").append(esc(c.title()));
            if (c.specialCategory()) {
                html.append(" <span class=\"tag\">(special category data)</span>");
            }
            if (c.criminalOffenceData()) {
                html.append(" <span class=\"tag\">(criminal offence data)</span>");
            }
            html.append("</th><td>")
                    .append(c.mandatory() ? "Yes" : "No, it is optional")
                    .append("</td><td>")
                    .append(esc(c.ifNotGiven()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        explanation(html, Section.categories, n);

        section(html, "Why we use this data, and our lawful basis", Section.uses, n);
        html.append(
                "<table>\n<caption>Uses of pupil data</caption>\n<thead><tr><th scope=\"col\">We use data to</th>"
                        + "<th scope=\"col\">Lawful basis</th><th scope=\"col\">Special category data</th></tr></thead>\n<tbody>\n");
        for (NoticeContent.Use u : n.uses()) {
            html.append("<tr><th scope=\"row\">")
                    .append(esc(u.purpose()))
                    .append("</th><td>")
                    .append(esc(u.lawfulBasisInWords()));
            if (u.law() != null) {
                html.append(" (").append(esc(u.law())).append(")");
            }
            html.append("</td><td>")
                    .append(u.specialCategoryCondition() == null ? "Not applicable" : esc(u.specialCategoryCondition()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        explanation(html, Section.uses, n);

        section(html, "What we ask your consent for", Section.consentPurposes, n);
        if (n.consentPurposes().isEmpty()) {
            html.append("<p>We do not ask for consent for any use of your child's data.</p>\n");
        }
        for (NoticeContent.ConsentPurpose p : n.consentPurposes()) {
            html.append("<h3>")
                    .append(esc(p.title()))
                    .append("</h3>\n<p>")
                    .append(esc(p.wording()))
                    .append("</p>\n<p><strong>How to withdraw:</strong> ")
                    .append(esc(p.howToWithdraw()))
                    .append("</p>\n");
        }
        explanation(html, Section.consentPurposes, n);

        section(html, "Who we share data with", Section.recipients, n);
        for (NoticeContent.RecipientGroup g : n.recipients()) {
            html.append("<h3>").append(esc(g.category())).append("</h3>\n<ul>\n");
            for (NoticeContent.NamedRecipient r : g.recipients()) {
                html.append("<li><strong>").append(esc(r.name())).append("</strong>");
                if (r.description() != null) {
                    html.append(": ").append(esc(r.description()));
                }
                html.append(". It ").append(esc(r.role())).append('.');
                if (!r.why().isEmpty()) {
                    html.append(" We share data for: ")
                            .append(esc(String.join("; ", r.why())))
                            .append(", because ")
                            .append(esc(String.join("; or ", r.bases())))
                            .append('.');
                }
                html.append("</li>\n");
            }
            html.append("</ul>\n");
        }
        explanation(html, Section.recipients, n);

        section(html, "Transferring data outside the UK", Section.transfers, n);
        if (n.transfers().isEmpty()) {
            html.append("<p>We do not transfer pupils' personal data outside the UK.</p>\n");
        } else {
            html.append("<ul>\n");
            for (NoticeContent.Transfer t : n.transfers()) {
                html.append("<li>")
                        .append(esc(t.recipient()))
                        .append(" (")
                        .append(esc(t.country()))
                        .append("): ")
                        .append(esc(t.safeguard()))
                        .append(".</li>\n");
            }
            html.append("</ul>\n");
        }
        explanation(html, Section.transfers, n);

        section(html, "How long we keep data", Section.retention, n);
        html.append("<p>")
                .append(esc(n.retention().summary()))
                .append(" <a href=\"")
                .append(esc(n.retention().schedulePath()))
                .append("\">Read our retention schedule</a>.</p>\n");
        explanation(html, Section.retention, n);

        section(html, "Where the data comes from", Section.sources, n);
        list(html, n.sources());
        explanation(html, Section.sources, n);

        section(html, "Automated decisions", Section.automatedDecisions, n);
        html.append("<p>").append(esc(n.automatedDecisions())).append("</p>\n");
        explanation(html, Section.automatedDecisions, n);

        section(html, "Your rights and your child's", Section.rights, n);
        html.append("<dl>\n");
        for (Right r : n.rights()) {
            html.append("<dt>")
                    .append(esc(r.name()))
                    .append("</dt><dd>")
                    .append(esc(r.what()))
                    .append(' ')
                    .append(esc(r.how()))
                    .append("</dd>\n");
        }
        html.append("</dl>\n");
        explanation(html, Section.rights, n);

        section(html, "Complaints", Section.complaints, n);
        html.append("<p>")
                .append(esc(n.complaints().school()))
                .append("</p>\n<p>You can also complain to the ")
                .append(esc(n.complaints().ico().name()))
                .append(": online at <a href=\"")
                .append(esc(n.complaints().ico().online()))
                .append("\">")
                .append(esc(n.complaints().ico().online()))
                .append("</a>, by telephone on ")
                .append(esc(n.complaints().ico().telephone()))
                .append(", or by writing to ")
                .append(esc(n.complaints().ico().address()))
                .append(".</p>\n");
        explanation(html, Section.complaints, n);
        return end(html);
    }

    /** The schedule as the published notice states it. */
    public static String schedule(NoticeContent n, int version, LocalDate publishedOn) {
        StringBuilder html = start("Retention schedule: " + n.controller().schoolName());
        html.append("<h1>How long we keep records</h1>\n<p class=\"meta\">")
                .append(esc(n.controller().schoolName()))
                .append(". As stated in version ")
                .append(version)
                .append(" of our privacy notice, published ")
                .append(DAY.format(publishedOn))
                .append(".</p>\n<p>")
                .append(esc(n.retention().summary()))
                .append("</p>\n<table>\n<caption>Retention schedule</caption>\n<thead><tr><th scope=\"col\">Record</th>"
                        + "<th scope=\"col\">Kept for</th><th scope=\"col\">Then</th></tr></thead>\n<tbody>\n");
        for (NoticeContent.RetentionLine line : n.retention().classes()) {
            html.append("<tr><th scope=\"row\">")
                    .append(esc(line.description()))
                    .append("</th><td>")
                    .append(esc(line.keptFor()))
                    .append("</td><td>")
                    .append(esc(line.then()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        return end(html);
    }

    static StringBuilder start(String title) {
        return start(title, "");
    }

    /** The page's head, with {@code css} after the common style. */
    static StringBuilder start(String title, String css) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title))
                .append("</title>\n<style>\nbody{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;"
                        + "margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}\na{color:#1d3f8c}\n"
                        + "table{border-collapse:collapse;width:100%;margin:1rem 0}\nth,td{border:1px solid #6b6b6b;"
                        + "padding:.4rem;text-align:left;vertical-align:top}\ncaption{text-align:left;font-weight:bold}\n"
                        + ".meta,.tag{color:#3b3b3b}\ndt{font-weight:bold;margin-top:.5rem}\n")
                .append(css)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    static String end(StringBuilder html) {
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder html, String heading, Section section, NoticeContent n) {
        html.append("<h2 id=\"")
                .append(section.name())
                .append("\">")
                .append(esc(heading))
                .append("</h2>\n");
    }

    private static void explanation(StringBuilder html, Section section, NoticeContent n) {
        String text = n.localExplanations().get(section.name());
        if (text != null) {
            paragraphs(html, text);
        }
    }

    private static void paragraphs(StringBuilder html, String text) {
        for (String p : text.split("\\n\\s*\\n")) {
            html.append("<p>").append(esc(p.strip())).append("</p>\n");
        }
    }

    private static void list(StringBuilder html, List<String> items) {
        html.append("<ul>\n");
        items.forEach(i -> html.append("<li>").append(esc(i)).append("</li>\n"));
        html.append("</ul>\n");
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
