package org.schoolgate.consent;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Runs {@link ConsentNightly} for every school; one school failing never stops the others. */
@ApplicationScoped
public class ConsentNightlyJob {

    private static final Logger LOG = Logger.getLogger(ConsentNightlyJob.class);

    @Inject
    ConsentNightly nightly;

    @Scheduled(cron = "{schoolgate.consent.nightly-cron}", timeZone = "{schoolgate.consent.nightly-zone}",
            identity = "consent-nightly", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        for (Long schoolId : nightly.schoolIds()) {
            try {
                ConsentNightly.Result r = nightly.run(schoolId);
                LOG.infof("Consent nightly for school %d: %d consents expired, %d pupils off roll", schoolId,
                        r.expired(), r.left());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Consent nightly failed for school %d; the other schools go on", schoolId);
            }
        }
    }
}
