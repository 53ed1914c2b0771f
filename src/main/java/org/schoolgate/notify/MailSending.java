package org.schoolgate.notify;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Sends the outbox: at once after a transaction queued something ({@link #soon}, on a worker thread so the
 * committing request or scan does not wait for SMTP), and every minute for retries (Quartz, once across instances).
 */
@ApplicationScoped
public class MailSending {

    private static final Logger LOG = Logger.getLogger(MailSending.class);

    @Inject
    Outbox outbox;

    @Inject
    ManagedExecutor executor;

    public void soon() {
        executor.runAsync(this::sendDue);
    }

    @Scheduled(cron = "{schoolgate.notify.retry-cron}", identity = "mail-retry",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        try {
            outbox.sendDue();
        } catch (RuntimeException e) {
            LOG.error("Sending the mail outbox failed; the messages stay queued", e);
        }
    }
}
