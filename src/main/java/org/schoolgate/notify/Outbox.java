package org.schoolgate.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.schoolgate.audit.AuditableEvent;

/**
 * The mail outbox. {@link #queue} writes a message in the caller's transaction (so it exists exactly when the
 * event that caused it was committed); {@link #sendDue} sends what is due, one message at a time, each claimed
 * by a conditional update so that two instances never send the same message; a failure is kept with its
 * error and retried with back-off, and after the last attempt the message is marked failed and audited.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    /** A claimed message that was never finished (the instance died) becomes due again after this. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** An SMTP exchange that takes longer than this counts as failed (and is retried). */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    /** One sender at a time in this instance; a request while it runs makes it go round once more. */
    private final ReentrantLock sending = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();

    public record Message(long schoolId, MailKind kind, String dedupKey, String recipient, String subject,
                          String text, String html) {
    }

    @Inject
    EntityManager em;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Clock clock;

    @Inject
    NotifyConfig config;

    @Inject
    Event<AuditableEvent> events;

    /** Queues the message unless one with the same key exists; true when it was queued. */
    @Transactional
    public boolean queue(Message m) {
        Instant now = Instant.now(clock);
        int n = em.createNativeQuery("""
                        insert into mail_message (id, school_id, kind, dedup_key, recipient, subject, body_text, body_html,
                                                  status, attempts, next_attempt_at, created_at, version)
                        values (nextval('mail_message_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', 0, ?8, ?8, 0)
                        on conflict (dedup_key) do nothing""")
                .setParameter(1, m.schoolId()).setParameter(2, m.kind().name()).setParameter(3, m.dedupKey())
                .setParameter(4, m.recipient()).setParameter(5, cut(m.subject(), 300)).setParameter(6, m.text())
                .setParameter(7, m.html()).setParameter(8, now).executeUpdate();
        return n == 1;
    }

    /**
     * Sends every due message; returns how many were sent. Safe to run on several instances at once (each message
     * is claimed); within one instance one pass runs at a time, and a call during a pass makes it run once more.
     */
    public int sendDue() {
        again.set(true);
        int sent = 0;
        while (again.get() && sending.tryLock()) {
            try {
                again.set(false);
                sent += pass();
            } finally {
                sending.unlock();
            }
        }
        return sent;
    }

    private int pass() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select m.id from MailMessage m where m.status = :pending and m.nextAttemptAt <= :now order by m.id",
                        Long.class)
                .setParameter("pending", MailStatus.PENDING).setParameter("now", Instant.now(clock))
                .setMaxResults(200).getResultList());
        int sent = 0;
        for (Long id : due) {
            if (send(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** Claims, sends and records one message; false when another sender had it or sending failed. */
    boolean send(long id) {
        Instant now = Instant.now(clock);
        MailMessage m = QuarkusTransaction.requiringNew().call(() -> {
            int claimed = em.createQuery("""
                            update MailMessage set attempts = attempts + 1, nextAttemptAt = :lease, version = version + 1
                            where id = :id and status = :pending and nextAttemptAt <= :now""")
                    .setParameter("lease", now.plus(LEASE)).setParameter("id", id)
                    .setParameter("pending", MailStatus.PENDING).setParameter("now", now).executeUpdate();
            if (claimed == 0) {
                return null;
            }
            MailMessage found = em.find(MailMessage.class, id);
            em.refresh(found);
            em.detach(found);
            return found;
        });
        if (m == null) {
            return false;
        }
        try {
            exchange(m);
        } catch (RuntimeException e) {
            failed(m, e);
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            MailMessage done = em.find(MailMessage.class, id);
            done.status = MailStatus.SENT;
            done.sentAt = Instant.now(clock);
            done.lastError = null;
        });
        return true;
    }

    /** One SMTP exchange, limited in time: a server that stalls counts as a failure and is retried with back-off. */
    private void exchange(MailMessage m) {
        mailer.send(Mail.withText(m.recipient, m.subject, m.bodyText).setHtml(m.bodyHtml)).await().atMost(SEND_TIMEOUT);
    }

    private void failed(MailMessage m, RuntimeException e) {
        String error = cut(e.getClass().getSimpleName() + ": " + e.getMessage(), 1000);
        boolean last = m.attempts >= config.maxAttempts();
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(10, m.attempts - 1));
        LOG.warnf("E-mail %d (%s to %s) failed on attempt %d%s: %s", m.id, m.kind, m.recipient, m.attempts,
                last ? ", giving up" : ", retrying in " + wait, error);
        QuarkusTransaction.requiringNew().run(() -> {
            MailMessage f = em.find(MailMessage.class, m.id);
            f.lastError = error;
            if (last) {
                f.status = MailStatus.FAILED;
                events.fire(new NotifyEvents.MailFailed(f.schoolId, f.id, f.kind, f.recipient, f.attempts, error));
            } else {
                f.nextAttemptAt = Instant.now(clock).plus(wait);
            }
        });
    }

    @Transactional
    public List<MailMessage> recent(long schoolId, int limit) {
        return MailMessage.<MailMessage>find("schoolId = ?1 order by createdAt desc, id desc", schoolId).range(0, limit - 1)
                .list();
    }

    @Transactional
    public long failedCount(long schoolId) {
        return MailMessage.count("schoolId = ?1 and status = ?2", schoolId, MailStatus.FAILED);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
