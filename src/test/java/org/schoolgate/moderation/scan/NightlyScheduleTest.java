package org.schoolgate.moderation.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The nightly cron on the nights the clocks change, as Quartz (the scheduler behind the job) computes it
 * in Europe/London: the configured 02:00 fires exactly once on both nights, at 02:00 local time.
 */
class NightlyScheduleTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 29);
    static final LocalDate FALL_BACK = LocalDate.of(2026, 10, 25);

    static String configuredCron() throws Exception {
        Properties p = new Properties();
        try (InputStream in = NightlyScheduleTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return p.getProperty("schoolgate.scan.cron");
    }

    @Test
    void theConfiguredCronIsTheDocumentedDefault() throws Exception {
        assertThat(configuredCron()).isEqualTo(ScanConfig.DEFAULT_CRON).isEqualTo("0 0 2 * * ?");
    }

    @Test
    void onTheSpringForwardNightTheScanFiresOnceAtTwoBritishSummerTime() throws Exception {
        assertThat(NightlyScheduleCheck.fires(configuredCron(), LONDON, SPRING_FORWARD.minusDays(1),
                SPRING_FORWARD.plusDays(2))).containsExactly(
                Instant.parse("2026-03-28T02:00:00Z"), // 02:00 GMT
                Instant.parse("2026-03-29T01:00:00Z"), // 02:00 BST: 23 hours later
                Instant.parse("2026-03-30T01:00:00Z"));
    }

    @Test
    void onTheFallBackNightTheScanFiresOnceAtTwoGreenwichMeanTime() throws Exception {
        assertThat(NightlyScheduleCheck.fires(configuredCron(), LONDON, FALL_BACK.minusDays(1), FALL_BACK.plusDays(2)))
                .containsExactly(
                        Instant.parse("2026-10-24T01:00:00Z"), // 02:00 BST
                        Instant.parse("2026-10-25T02:00:00Z"), // 02:00 GMT: 25 hours later, once
                        Instant.parse("2026-10-26T02:00:00Z"));
    }

    @Test
    void theDefaultFiresExactlyOnceEveryNightOfTheYear() throws Exception {
        Map<LocalDate, Integer> nights = NightlyScheduleCheck.firesPerNight(configuredCron(), LONDON,
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
        assertThat(nights).hasSize(365);
        assertThat(nights.values()).containsOnly(1);
        assertThat(NightlyScheduleCheck.problems(configuredCron(), LONDON, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void aCronInTheSkippedHourWouldMissTheSpringNightAndIsReported() {
        Map<LocalDate, Integer> nights = NightlyScheduleCheck.firesPerNight("0 30 1 * * ?", LONDON,
                SPRING_FORWARD.minusDays(1), SPRING_FORWARD.plusDays(2));
        assertThat(nights.get(SPRING_FORWARD)).as("Quartz skips 01:30 when it does not exist").isZero();
        assertThat(NightlyScheduleCheck.problems("0 30 1 * * ?", LONDON, LocalDate.of(2026, 1, 1)))
                .containsExactly("2026-03-29: no scan (the time does not exist that night)");
        assertThat(NightlyScheduleCheck.firesPerNight("0 30 1 * * ?", LONDON, FALL_BACK, FALL_BACK.plusDays(1))
                .get(FALL_BACK)).as("the repeated 01:30 fires once").isEqualTo(1);
        assertThat(NightlyScheduleCheck.problems("off", LONDON, LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(NightlyScheduleCheck.problems("0 0 2 ? * MON", LONDON, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void theNightOfARunIsItsLondonDate() {
        assertThat(ScanService.nightOf(Instant.parse("2026-03-29T01:00:00Z"))).isEqualTo(SPRING_FORWARD);
        assertThat(ScanService.nightOf(Instant.parse("2026-10-25T02:00:00Z"))).isEqualTo(FALL_BACK);
        assertThat(ScanService.nightOf(Instant.parse("2026-10-24T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 10, 25));
    }
}
