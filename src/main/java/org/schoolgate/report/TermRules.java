package org.schoolgate.report;

import java.time.LocalDate;
import java.time.Month;

/**
 * The school year as the report divides it. English terms move every year (Easter, local authority dates), so
 * the report uses fixed calendar terms that always cover the whole year with no gaps: autumn 1 September to
 * 31 December, spring 1 January to 31 March, summer 1 April to 31 August. Any other range can be chosen.
 */
public final class TermRules {

    public record Term(String name, LocalDate first, LocalDate last) {
        public Term previous() {
            return of(first.minusDays(1));
        }
    }

    private TermRules() {
    }

    public static Term of(LocalDate day) {
        int y = day.getYear();
        Month m = day.getMonth();
        if (m.getValue() >= Month.SEPTEMBER.getValue()) {
            return new Term("Autumn term " + y, LocalDate.of(y, 9, 1), LocalDate.of(y, 12, 31));
        }
        if (m.getValue() <= Month.MARCH.getValue()) {
            return new Term("Spring term " + y, LocalDate.of(y, 1, 1), LocalDate.of(y, 3, 31));
        }
        return new Term("Summer term " + y, LocalDate.of(y, 4, 1), LocalDate.of(y, 8, 31));
    }

    /** The school year (1 September to 31 August) the day falls in. */
    public static Term schoolYear(LocalDate day) {
        int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        return new Term("School year " + start + "/" + String.valueOf(start + 1).substring(2), LocalDate.of(start, 9, 1),
                LocalDate.of(start + 1, 8, 31));
    }
}
