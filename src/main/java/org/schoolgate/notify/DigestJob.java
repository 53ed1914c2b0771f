package org.schoolgate.notify;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The morning digest: Quartz (clustered, so once across instances), school time; one school failing never stops the rest. */
@ApplicationScoped
public class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class);

    @Inject
    DigestService digests;

    @Inject
    MailSending sending;

    @Scheduled(cron = "{schoolgate.notify.digest-cron}", timeZone = "Europe/London", identity = "morning-digest",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int queued = 0;
        for (Long schoolId : digests.schoolIds()) {
            try {
                queued += digests.digest(schoolId) > 0 ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.errorf(e, "The morning digest failed for school %d; the other schools go on", schoolId);
            }
        }
        LOG.infof("Morning digest queued for %d school(s)", queued);
        if (queued > 0) {
            sending.soon();
        }
    }
}
