package org.custodian.accountability.notice;

import java.util.List;
import org.custodian.accountability.notice.NoticeContent.Complaints;
import org.custodian.accountability.notice.NoticeContent.Controller;
import org.custodian.accountability.notice.NoticeContent.Ico;
import org.custodian.accountability.notice.NoticeContent.Right;
import org.custodian.accountability.notice.NoticeContent.Use;
import org.custodian.platform.events.RosterEvents.SchoolUpdated;

/**
 * What every school's notice says whatever its facts: the uses the law gives every school (DfE model notice, "Why we
 * use this data"), the categories every school holds, where data comes from, the rights and the Information
 * Commissioner. The words follow the law as it stands (transfers "outside the UK", the Art. 21 objection, automated
 * decisions under Arts. 22A–22D as the Data (Use and Access) Act 2025 substituted them).
 */
public final class SchoolDuties {

    private SchoolDuties() {}

    public static final Ico ICO = new Ico(
            "Information Commissioner's Office",
            "https://ico.org.uk/make-a-complaint/",
            "0303 123 1113",
            "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF");

    /** Held by every school for its statutory duties (registers, the census, the pupil's educational record). */
    static final List<String> CATEGORIES_EVERY_SCHOOL_HOLDS =
            List.of("CONTACT", "ASSESSMENT", "CURRICULAR_RECORDS", "CHARACTERISTICS", "ATTENDANCE");

    public static final List<String> SOURCES = List.of(
            "You and your child, when your child joins the school and when we ask you to check the data we hold",
            "Your child's previous school, which passes on the educational record and other files when a pupil moves",
            "The local authority and the Department for Education, for example about admissions or support",
            "Health and social care professionals, where they work with the school to support your child");

    static final String AUTOMATED_DECISIONS_NONE =
            "No significant decision about your child (one with a legal or similarly significant effect) is taken"
                    + " based solely on automated processing, that is without meaningful human involvement (UK GDPR"
                    + " Arts. 22A–22D, as substituted by the Data (Use and Access) Act 2025), and no profiling is"
                    + " carried out. If that ever changes, we will tell you about such decisions and you will be able"
                    + " to make representations, obtain human intervention and contest them (Art. 22C).";

    /** The categories of data each use every school has needs, by the use's purpose. */
    public static List<String> categoriesOf(String dutyPurpose) {
        if (dutyPurpose.startsWith("provide pastoral care")) {
            return List.of("CONTACT", "SAFEGUARDING", "MEDICAL", "SUPPORT", "ATTENDANCE");
        }
        if (dutyPurpose.startsWith("meet the needs")) {
            return List.of("CONTACT", "CHARACTERISTICS", "MEDICAL", "SUPPORT");
        }
        if (dutyPurpose.startsWith("keep the admission")) {
            return List.of("CONTACT", "ATTENDANCE");
        }
        if (dutyPurpose.startsWith("administer admissions")) {
            return List.of("CONTACT", "ADMISSIONS");
        }
        return List.of("CONTACT", "ASSESSMENT", "CURRICULAR_RECORDS", "CHARACTERISTICS");
    }

    /** The uses every school has, with their basis; the law named is England's unless the school is elsewhere. */
    public static List<Use> uses(String nation) {
        boolean england = nation == null || nation.equals("ENGLAND");
        String law = england ? null : "the education law of " + DataCategories.words(nation);
        return List.of(
                duty(
                        "support pupils' learning, and monitor and report on their progress",
                        "PUBLIC_TASK",
                        null,
                        england ? "Education Act 1996; Education Act 2002" : law),
                duty(
                        "provide pastoral care and protect pupils' welfare (safeguarding)",
                        "LEGAL_OBLIGATION",
                        LegalWords.condition(
                                "SUBSTANTIAL_PUBLIC_INTEREST", "SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK"),
                        england
                                ? "Education Act 2002 s.175; Children Act 1989 and 2004; Keeping children safe in"
                                        + " education"
                                : law),
                duty(
                        "meet the needs of pupils with special educational needs, disabilities or medical conditions",
                        "LEGAL_OBLIGATION",
                        LegalWords.condition("SUBSTANTIAL_PUBLIC_INTEREST", "STATUTORY_AND_GOVERNMENT_PURPOSES"),
                        england ? "Children and Families Act 2014 ss.66 and 100; Equality Act 2010" : law),
                duty(
                        "keep the admission and attendance registers",
                        "LEGAL_OBLIGATION",
                        null,
                        england ? "School Attendance (Pupil Registration) (England) Regulations 2024" : law),
                duty(
                        "administer admissions and waiting lists",
                        "LEGAL_OBLIGATION",
                        null,
                        england ? "School Standards and Framework Act 1998; School Admissions Code" : law),
                duty("assess the quality of our services", "PUBLIC_TASK", null, null));
    }

    private static Use duty(String purpose, String basis, String condition, String law) {
        return new Use(purpose, basis, LegalWords.basis(basis), condition, law, List.of());
    }

    /** The rights, each with how to exercise it at this school. */
    static List<Right> rights(Controller controller, SchoolUpdated school) {
        String contact = contact(controller);
        int age = school == null || school.competenceAge() <= 0 ? 13 : school.competenceAge();
        // the Education (Pupil Information) (England) Regulations 2005 bind maintained schools only
        boolean maintained =
                school == null || school.type() == null || school.type().equals("MAINTAINED");
        String educationalRecord = maintained
                ? "Parents can see their child's educational record within 15 school days of asking the school"
                        + " office (Education (Pupil Information) (England) Regulations 2005)."
                : "Academies, free schools and independent schools do not have to give parents access to the"
                        + " educational record, but ask the school office: we will tell you what we can share. A"
                        + " subject access request always gives you your child's personal data.";
        return List.of(
                new Right(
                        "Who can use these rights",
                        "A child's data protection rights are the child's own. Parents use them for a child who is not"
                                + " mature enough to understand them (we take this to be under " + age
                                + "); from " + age + ", or earlier where we judge a child competent, we ask for the"
                                + " child's agreement.",
                        contact),
                new Right(
                        "Access",
                        "Ask for a copy of the personal data we hold about you or your child, why we hold"
                                + " it, who we share it with, how long we keep it and where it came from. We answer within a"
                                + " month.",
                        contact),
                new Right("Educational record", educationalRecord, "Ask the school office."),
                new Right(
                        "Rectification",
                        "Have inaccurate personal data corrected, and incomplete data completed.",
                        contact),
                new Right(
                        "Erasure",
                        "Have personal data erased in certain circumstances, for example data we hold"
                                + " only with your consent.",
                        contact),
                new Right(
                        "Restriction",
                        "Ask us to stop using data, other than to keep it, while a question about" + " it is settled.",
                        contact),
                new Right(
                        "Objection",
                        "Object, on grounds relating to your particular situation, to our use of data"
                                + " to perform a task in the public interest; we then stop unless we can show compelling"
                                + " legitimate grounds, or need it for legal claims (UK GDPR Art. 21). You can always object"
                                + " to direct marketing, which then stops.",
                        contact),
                new Right(
                        "Portability",
                        "Receive data you gave us with your consent or under a contract in a"
                                + " machine-readable format, or have it sent to another organisation.",
                        contact),
                new Right(
                        "Consent",
                        "Withdraw consent at any time, as easily as you gave it.",
                        "Through the parent app, or by telling the school office."),
                new Right(
                        "Automated decisions",
                        "Be told about, make representations on, obtain human"
                                + " intervention in and contest any significant decision based solely on automated"
                                + " processing (UK GDPR Arts. 22A–22D).",
                        contact),
                new Right(
                        "Compensation",
                        "Claim compensation for damage caused by a breach of data protection" + " law.",
                        "Through the courts."),
                new Right(
                        "Complaint",
                        "Complain to the school, and to the Information Commissioner's Office.",
                        "See \"Complaints\"."));
    }

    static Complaints complaints(Controller controller) {
        return new Complaints(
                "We take any complaint about how we collect and use personal information seriously. Please raise it"
                        + " with us first: " + contact(controller)
                        + " We will acknowledge your complaint within 30 days and tell you what we are doing.",
                ICO);
    }

    private static String contact(Controller controller) {
        if (controller.dpoEmail() == null) {
            return "Contact our data protection officer through the school office.";
        }
        return "Contact our data protection officer"
                + (controller.dpoName() == null ? "" : ", " + controller.dpoName())
                + ", at " + controller.dpoEmail() + ".";
    }
}
