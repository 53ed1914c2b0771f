package org.schoolgate.notify;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Sends the outbox: at once after a transaction queued something ({@link #soon}, so the committing request or scan
 * does not wait for SMTP), and every minute for retries (Quartz, once across instances).
 * <p>
 * {@link #soon} runs on a plain thread of its own, not on a Quarkus worker: sends from a worker that blocked on the
 * mail client stalled until their time limit (five in one full test run, all on workers; none since), most likely
 * because the client's answers are dispatched on the blocked worker's own Vert.x context.
 */
@ApplicationScoped
public class MailSending {

    private static final Logger LOG = Logger.getLogger(MailSending.class);

    @Inject
    Outbox outbox;

    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-sender");
        t.setDaemon(true);
        return t;
    });

    public void soon() {
        sender.execute(this::sendDue);
    }

    /** The retry round, also handed to the sender thread (a scheduled job may run on a worker too). */
    @Scheduled(cron = "{schoolgate.notify.retry-cron}", identity = "mail-retry",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        soon();
    }

    private void sendDue() {
        try {
            outbox.sendDue();
        } catch (RuntimeException e) {
            LOG.error("Sending the mail outbox failed; the messages stay queued", e);
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
