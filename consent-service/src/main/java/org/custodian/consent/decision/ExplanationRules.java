package org.custodian.consent.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.consent.roster.GuardianOfPupil;
import org.custodian.consent.roster.Relationship;

/**
 * The resolver's explanations as a parent (or the pupil) reads them: people named by their relationship to the child
 * ("the child's father", "a carer with parental responsibility", "you"), never by guardian id. Staff read the
 * resolver's own lines, with the ids they act on.
 */
public final class ExplanationRules {

    /** What a reader calls someone who decided but is linked to the child no longer. */
    static final String NO_LONGER_LINKED = "someone no longer linked to the child";

    private static final Pattern GUARDIAN = Pattern.compile("guardian ([A-Za-z0-9_-]{1,64})");

    private ExplanationRules() {}

    /**
     * How each person linked to the child is named to the reader: the reader themself is "you"; the others by
     * relationship, numbered from the second when two share one ("the child's mother (2)"). {@code readerIsPupil}:
     * the child reads about their own family ("your mother").
     */
    public static Map<String, String> names(
            List<GuardianOfPupil> linked, String readerGuardianId, boolean readerIsPupil) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (GuardianOfPupil g : linked) {
            if (g.guardianId().equals(readerGuardianId)) {
                names.put(g.guardianId(), "you");
                continue;
            }
            String w = words(g.relationship(), g.parentalResponsibility(), readerIsPupil);
            int n = seen.merge(w, 1, Integer::sum);
            names.put(g.guardianId(), n == 1 ? w : w + " (" + n + ")");
        }
        return names;
    }

    /** "the child's father", "a carer with parental responsibility", "the local authority looking after the child". */
    public static String words(Relationship relationship, boolean parentalResponsibility, boolean readerIsPupil) {
        String whose = readerIsPupil ? "your " : "the child's ";
        String child = readerIsPupil ? "you" : "the child";
        String pr = parentalResponsibility ? " with parental responsibility" : "";
        if (relationship == null) {
            return "a guardian" + pr;
        }
        return switch (relationship) {
            case MOTHER -> whose + "mother";
            case FATHER -> whose + "father";
            case PARENT -> whose + "parent";
            case GUARDIAN -> whose + "guardian";
            case STEP_PARENT -> whose + "step-parent" + pr;
            case GRANDPARENT -> whose + "grandparent" + pr;
            case FOSTER_CARER -> whose + "foster carer" + pr;
            case SOCIAL_WORKER -> whose + "social worker" + pr;
            case CARER -> "a carer" + pr;
            case OTHER -> "another contact" + pr;
            case LOCAL_AUTHORITY -> "the local authority looking after " + child;
            case VOLUNTARY_ORGANISATION -> "the voluntary organisation looking after " + child;
        };
    }

    /** Every line with each "guardian ID" replaced by the reader's name for that person. */
    public static List<String> forReader(List<String> lines, Map<String, String> names) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(forReader(line, names));
        }
        return List.copyOf(out);
    }

    static String forReader(String line, Map<String, String> names) {
        Matcher m = GUARDIAN.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = names.getOrDefault(m.group(1), NO_LONGER_LINKED);
            m.appendReplacement(out, Matcher.quoteReplacement(name));
        }
        m.appendTail(out);
        return grammar(out.toString());
    }

    /** The resolver writes in the third person: "you does not hold" reads "you do not hold". */
    private static String grammar(String line) {
        return line.replace("you's ", "your ")
                .replace("you does not", "you do not")
                .replace("you has not", "you have not")
                .replace("you is not", "you are not");
    }
}
