package org.schoolgate.moderation.scan;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Daily purge of unflagged comment text (default 03:30 Europe/London, after the nightly scan). */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    RetentionService retention;

    @Scheduled(cron = "{schoolgate.retention.cron}", timeZone = ScanConfig.ZONE, identity = "comment-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        retention.purge().forEach((school, n) ->
                LOG.infof("Retention: purged the text of %d unflagged comment(s) of school %d", n, school));
    }
}
