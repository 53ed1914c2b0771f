package org.schoolgate.moderation.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;

/**
 * The nightly scan on the nights the clocks change, run as the scheduler runs it: at the fire times
 * Quartz computes for the configured cron (see {@link NightlyScheduleTest}). Comments "arrive" on the
 * simulated Page between the runs. Each night runs once (a second fire of the same night starts
 * nothing) and reads exactly what was written since the last run's instant (less the overlap): 23 hours
 * in spring, 25 in autumn, nothing missed, nothing twice.
 */
@QuarkusTest
class NightlyScanDstTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    ScanService scans;

    @Test
    void theSpringForwardNightRunsOnceAndReadsTheTwentyThreeHoursSinceTheLastRun() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(simulator.running().orElseThrow().world(), cipher, "Spring");
        List<Instant> fires = NightlyScheduleCheck.fires(NightlyScheduleTest.configuredCron(), ScanService.ZONE,
                LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30));
        Instant saturday = fires.get(0);
        Instant sunday = fires.get(1);
        assertThat(Duration.between(saturday, sunday)).isEqualTo(Duration.ofHours(23));
        GraphWorld.Post post = s.post("Easter fair", Instant.parse("2026-03-27T17:00:00Z"));
        GraphWorld.Comment friday = s.comment(post.id(), "Ann", "See you there!", Instant.parse("2026-03-27T20:00:00Z"));

        ScanRun first = scans.runNightly(s.schoolId(), saturday).orElseThrow();
        // shown by the platform only after the first run, though written 30 s before it: the overlap catches it
        GraphWorld.Comment late = s.comment(post.id(), "Ben", "Great cakes", Instant.parse("2026-03-28T01:59:30Z"));
        GraphWorld.Comment evening = s.comment(post.id(), "Cat", "Thanks all", Instant.parse("2026-03-28T23:30:00Z"));
        GraphWorld.Comment beforeJump = s.comment(post.id(), "Dan", "Lovely", Instant.parse("2026-03-29T00:59:59Z"));
        ScanRun second = scans.runNightly(s.schoolId(), sunday).orElseThrow();
        Optional<ScanRun> again = scans.runNightly(s.schoolId(), sunday);
        Optional<ScanRun> sameNightLater = scans.runNightly(s.schoolId(), sunday.plus(Duration.ofHours(1)));

        assertThat(first.night).isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(second.night).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(first.trigger).isEqualTo(ScanTrigger.NIGHTLY);
        assertThat(second.asOf).isEqualTo(sunday);
        assertThat(again).as("a second fire of the same night").isEmpty();
        assertThat(sameNightLater).isEmpty();
        assertThat(scans.recent(s.schoolId(), 10)).hasSize(2);
        assertThat(first.commentsNew).isEqualTo(1);
        assertThat(second.commentsRead).isEqualTo(3);
        assertThat(second.commentsNew).isEqualTo(3);
        assertThat(foundBy(s, first)).containsExactly(friday.id());
        assertThat(foundBy(s, second)).containsExactlyInAnyOrder(late.id(), evening.id(), beforeJump.id());
        assertThat(ScanFixtures.state(s.channelId()).commentWatermark).isEqualTo(sunday);
    }

    @Test
    void theFallBackNightRunsOnceAndReadsTheTwentyFiveHoursIncludingBothOneThirties() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(simulator.running().orElseThrow().world(), cipher, "Autumn");
        List<Instant> fires = NightlyScheduleCheck.fires(NightlyScheduleTest.configuredCron(), ScanService.ZONE,
                LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 27));
        assertThat(Duration.between(fires.get(0), fires.get(1))).isEqualTo(Duration.ofHours(25));
        GraphWorld.Post post = s.post("Half-term clubs", Instant.parse("2026-10-23T15:00:00Z"));
        s.comment(post.id(), "Eve", "Is there a list?", Instant.parse("2026-10-23T18:00:00Z"));

        ScanRun saturday = scans.runNightly(s.schoolId(), fires.get(0)).orElseThrow();
        GraphWorld.Comment firstOneThirty = s.comment(post.id(), "Fay", "Thanks", Instant.parse("2026-10-25T00:30:00Z"));
        GraphWorld.Comment secondOneThirty = s.comment(post.id(), "Gus", "Brilliant", Instant.parse("2026-10-25T01:30:00Z"));
        ScanRun sunday = scans.runNightly(s.schoolId(), fires.get(1)).orElseThrow();
        Optional<ScanRun> repeatedHour = scans.runNightly(s.schoolId(), fires.get(1).minus(Duration.ofHours(1)));
        GraphWorld.Comment afterRun = s.comment(post.id(), "Hal", "See you Monday", Instant.parse("2026-10-25T02:00:30Z"));
        ScanRun monday = scans.runNightly(s.schoolId(), fires.get(2)).orElseThrow();

        assertThat(saturday.commentsNew).isEqualTo(1);
        assertThat(sunday.night).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(repeatedHour).as("01:00 GMT is the same night").isEmpty();
        assertThat(foundBy(s, sunday)).containsExactlyInAnyOrder(firstOneThirty.id(), secondOneThirty.id());
        assertThat(foundBy(s, monday)).containsExactly(afterRun.id());
        assertThat(ScanFixtures.stored(s.channelId())).hasSize(4);
    }

    private static List<String> foundBy(ScanFixtures.Setup s, ScanRun run) {
        return QuarkusTransaction.requiringNew().call(() -> ScannedComment.<ScannedComment>list(
                "channelId = ?1 and scanRunId = ?2", s.channelId(), run.id).stream().map(c -> c.platformCommentId)
                .toList());
    }
}
