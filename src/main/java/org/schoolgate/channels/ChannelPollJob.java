package org.schoolgate.channels;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class ChannelPollJob {

    @Inject
    ChannelPollService polling;

    @Inject
    TokenCheckService tokens;

    @Scheduled(cron = "{schoolgate.polling.cron}", identity = "channel-poll",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        polling.pollAll();
    }

    @Scheduled(cron = "{schoolgate.polling.token-check-cron}", identity = "channel-token-check",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkTokens() {
        tokens.checkAll();
    }
}
