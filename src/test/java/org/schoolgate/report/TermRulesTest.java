package org.schoolgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermRulesTest {

    @Test
    void termsCoverTheWholeYearWithoutGaps() {
        assertThat(TermRules.of(LocalDate.of(2026, 9, 1))).isEqualTo(new TermRules.Term("Autumn term 2026",
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 31)));
        assertThat(TermRules.of(LocalDate.of(2027, 3, 31)).name()).isEqualTo("Spring term 2027");
        assertThat(TermRules.of(LocalDate.of(2027, 4, 1)).first()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(TermRules.of(LocalDate.of(2027, 8, 31)).last()).isEqualTo(LocalDate.of(2027, 8, 31));
        LocalDate d = LocalDate.of(2026, 1, 1);
        while (d.isBefore(LocalDate.of(2028, 1, 1))) {
            TermRules.Term t = TermRules.of(d);
            assertThat(d).isBetween(t.first(), t.last());
            assertThat(TermRules.of(t.last().plusDays(1)).first()).isEqualTo(t.last().plusDays(1));
            d = d.plusDays(1);
        }
    }

    @Test
    void thePreviousTermAndTheSchoolYear() {
        assertThat(TermRules.of(LocalDate.of(2027, 1, 15)).previous().name()).isEqualTo("Autumn term 2026");
        assertThat(TermRules.of(LocalDate.of(2026, 10, 1)).previous().name()).isEqualTo("Summer term 2026");
        assertThat(TermRules.schoolYear(LocalDate.of(2027, 2, 1))).isEqualTo(new TermRules.Term("School year 2026/27",
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31)));
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        assertThat(Medians.of(List.of())).isEmpty();
        assertThat(Medians.of(List.of(Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofHours(5))))
                .contains(Duration.ofMinutes(30));
        assertThat(Medians.of(List.of(Duration.ofMinutes(10), Duration.ofMinutes(20)))).contains(Duration.ofMinutes(15));
    }

    @Test
    void chartsAreScriptAndStyleFreeSvgWithATextAlternative() {
        String svg = SvgCharts.bars("Flagged <by> category", new java.util.LinkedHashMap<>(java.util.Map.of("threat", 3L)));
        assertThat(svg).startsWith("<svg").contains("<title>Flagged &lt;by&gt; category: threat 3</title>")
                .contains("width=\"300\"").doesNotContain("style=").doesNotContain("<script");
        assertThat(GovernorsReport.words(Duration.ofMinutes(200))).isEqualTo("3 h 20 min");
        assertThat(GovernorsReport.words(Duration.ofHours(52))).isEqualTo("2 days 4 h");
    }
}
