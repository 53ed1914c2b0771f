package org.schoolgate.moderation.scan;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The nightly scan (default 02:00 Europe/London). Quartz's clustered store fires it on one instance;
 * the run is keyed by school and night, so a second fire of the same night (another instance, or a
 * local time that happens twice when the clocks go back) starts nothing. The run scans as of the
 * scheduled fire time, an instant, so the window never depends on the length of the night.
 */
@ApplicationScoped
public class OvernightScanJob {

    private static final Logger LOG = Logger.getLogger(OvernightScanJob.class);

    @Inject
    ScanService scans;

    @Inject
    ScanConfig config;

    @Inject
    Clock clock;

    /** A cron in the hour the clocks skip would silently miss a night: say so loudly at start-up. */
    void checkCron(@Observes StartupEvent event) {
        List<String> problems = NightlyScheduleCheck.problems(config.cron(), ScanService.ZONE,
                LocalDate.now(clock.withZone(ScanService.ZONE)));
        if (!problems.isEmpty()) {
            LOG.warnf("schoolgate.scan.cron=%s is not DST-safe in %s: %s. Choose a time outside 01:00-01:59"
                    + " (the default 02:00 is safe).", config.cron(), ScanConfig.ZONE, String.join("; ", problems));
        }
    }

    @Scheduled(cron = "{schoolgate.scan.cron}", timeZone = ScanConfig.ZONE, identity = "comment-scan",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan(ScheduledExecution execution) {
        scans.runNightlyForAll(execution.getScheduledFireTime());
    }
}
