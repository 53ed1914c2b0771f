package org.schoolgate.moderation.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.schoolgate.demo.DemoConfig;
import org.schoolgate.demo.DemoSchoolSeeded;

/**
 * The dev run's first scan of the demo school, started once the seeding has committed (its channels and the
 * simulator's demo Page with its harmful comments exist by then), so the headteacher's review queue is not empty.
 */
@ApplicationScoped
public class ScanDemoData {

    private static final Logger LOG = Logger.getLogger(ScanDemoData.class);

    @Inject
    DemoConfig config;

    @Inject
    ScanService scans;

    void scan(@Observes(during = TransactionPhase.AFTER_SUCCESS) DemoSchoolSeeded seeded) {
        if (!config.scanOnSeed()) {
            return;
        }
        ScanRun run = scans.start(seeded.schoolId(), "demo seeding");
        LOG.infof("Demo school: first comment scan started (run %d); flagged comments appear in the review queue", run.id);
    }
}
