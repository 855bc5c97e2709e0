package org.custodian.accountability.publication;

import static org.custodian.accountability.publication.NoticePage.esc;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.custodian.accountability.notice.PupilNoticeRules.Link;
import org.custodian.accountability.notice.PupilNoticeRules.Part;
import org.custodian.accountability.notice.PupilNoticeRules.PupilNotice;

/**
 * The notice for pupils as a web page: the notice page's language, headings and contrast, in larger type with more
 * space between lines. Every value is escaped.
 */
public final class PupilPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static final String CSS =
            "body{font-size:1.2rem;line-height:1.7}\nh2{margin-top:2rem}\nli{margin:.3rem 0}\n";

    private PupilPage() {}

    public static String of(PupilNotice notice, int version, LocalDate publishedOn) {
        StringBuilder html = NoticePage.start(notice.title() + ": " + notice.schoolName(), CSS);
        html.append("<h1>")
                .append(esc(notice.title()))
                .append("</h1>\n<p class=\"meta\">")
                .append(esc(notice.schoolName()))
                .append(". Version ")
                .append(version)
                .append(", published ")
                .append(DAY.format(publishedOn))
                .append(".</p>\n");
        paragraphs(html, notice.introduction());
        for (Part part : notice.parts()) {
            html.append("<h2 id=\"")
                    .append(esc(part.id()))
                    .append("\">")
                    .append(esc(part.heading()))
                    .append("</h2>\n");
            paragraphs(html, part.paragraphs());
            if (!part.points().isEmpty()) {
                html.append("<ul>\n");
                part.points().forEach(p -> html.append("<li>").append(esc(p)).append("</li>\n"));
                html.append("</ul>\n");
            }
            paragraphs(html, part.afterPoints());
            for (Link link : part.links()) {
                html.append("<p><a href=\"")
                        .append(esc(link.href()))
                        .append("\">")
                        .append(esc(link.text()))
                        .append("</a></p>\n");
            }
        }
        return NoticePage.end(html);
    }

    private static void paragraphs(StringBuilder html, List<String> sentences) {
        sentences.forEach(s -> html.append("<p>").append(esc(s)).append("</p>\n"));
    }
}
