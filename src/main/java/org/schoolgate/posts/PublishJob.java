package org.schoolgate.posts;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** Publishes due posts every half minute (Quartz, clustered: once across instances). */
@ApplicationScoped
public class PublishJob {

    @Inject
    PublishService publishing;

    @Inject
    Clock clock;

    @Scheduled(cron = "{schoolgate.posts.publish-cron}", identity = "posts-publish",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        publishing.runDue(Instant.now(clock));
    }
}
