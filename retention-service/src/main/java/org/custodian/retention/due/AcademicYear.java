package org.custodian.retention.due;

import java.time.LocalDate;
import java.time.Month;

/** The academic year in England runs from 1 September to 31 August. */
public final class AcademicYear {

    private AcademicYear() {}

    /** The 31 August that ends the academic year containing {@code day}. */
    public static LocalDate endOf(LocalDate day) {
        int endYear = day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() + 1 : day.getYear();
        return LocalDate.of(endYear, Month.AUGUST, 31);
    }

    /** "2024/25" for any day from 1 September 2024 to 31 August 2025. */
    public static String nameOf(LocalDate day) {
        int end = endOf(day).getYear();
        return (end - 1) + "/" + String.format("%02d", end % 100);
    }
}
