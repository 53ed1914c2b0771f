package org.schoolgate.moderation.scan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelStatus;
import org.schoolgate.moderation.ClassificationContext;
import org.schoolgate.staff.School;

/**
 * Scan runs: the nightly one per school and night, and on-demand ones in the background. The
 * database allows one running scan per school (a unique index, and the school row locked while a run
 * is created); a run whose instance died is recognised by its stale progress and marked abandoned,
 * and the next one carries on from the channels' watermarks.
 */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);
    public static final ZoneId ZONE = ZoneId.of(ScanConfig.ZONE);
    public static final String SCHEDULER = "scheduler";

    @Inject
    EntityManager em;

    @Inject
    CommentScanner scanner;

    @Inject
    ScanWriter writer;

    @Inject
    SchoolContexts contexts;

    @Inject
    ScanConfig config;

    @Inject
    Event<AuditableEvent> events;

    @Inject
    Clock clock;

    private ExecutorService workers;
    private final Set<Long> active = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "comment-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        workers = Executors.newFixedThreadPool(Math.max(1, config.workers()), threads);
    }

    /** Starts an on-demand scan in the background; 409 ({@link ScanAlreadyRunning}) if one is running. */
    public ScanRun start(long schoolId, String by) {
        ScanRun run = QuarkusTransaction.requiringNew().call(() -> create(schoolId, ScanTrigger.ON_DEMAND, by,
                Instant.now(clock), null).orElseThrow(() -> new ScanAlreadyRunning(runningRun(schoolId).orElseThrow())));
        active.add(run.id);
        workers.submit(() -> {
            try {
                execute(run.id);
            } finally {
                active.remove(run.id);
            }
        });
        return run;
    }

    /**
     * The nightly scan of one school, run here and now, as of the scheduled fire time. Empty when this
     * night's run already exists (a second fire of the same night, e.g. on another instance or when
     * the clocks go back) or another scan of the school is running.
     */
    public Optional<ScanRun> runNightly(long schoolId, Instant firedAt) {
        LocalDate night = nightOf(firedAt);
        Optional<ScanRun> created = QuarkusTransaction.requiringNew().call(() -> {
            if (ScanRun.count("schoolId = ?1 and trigger = ?2 and night = ?3", schoolId, ScanTrigger.NIGHTLY, night) > 0) {
                return Optional.<ScanRun>empty();
            }
            return create(schoolId, ScanTrigger.NIGHTLY, SCHEDULER, firedAt, night);
        });
        if (created.isEmpty()) {
            LOG.infof("Nightly scan of school %d for the night of %s: already done or another scan is running",
                    schoolId, night);
            return Optional.empty();
        }
        active.add(created.get().id);
        try {
            execute(created.get().id);
        } finally {
            active.remove(created.get().id);
        }
        return Optional.of(get(schoolId, created.get().id));
    }

    /** Every school with an active channel, one after another; one failing school never stops the rest. */
    public void runNightlyForAll(Instant firedAt) {
        List<Long> schools = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select distinct c.schoolId from Channel c where c.status = :active order by c.schoolId", Long.class)
                .setParameter("active", ChannelStatus.ACTIVE).getResultList());
        for (long schoolId : schools) {
            try {
                runNightly(schoolId, firedAt);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Nightly scan of school %d failed; the other schools go on", schoolId);
            }
        }
    }

    /** The school night a fire time belongs to: its date in Europe/London. */
    public static LocalDate nightOf(Instant firedAt) {
        return LocalDate.ofInstant(firedAt, ZONE);
    }

    /** Creates a RUNNING run under the school's row lock; empty when this kind of run may not start now. */
    private Optional<ScanRun> create(long schoolId, ScanTrigger trigger, String by, Instant asOf, LocalDate night) {
        School school = em.find(School.class, schoolId, LockModeType.PESSIMISTIC_WRITE);
        if (school == null) {
            throw new NotFoundException("No such school");
        }
        Instant now = Instant.now(clock);
        Optional<ScanRun> running = runningRun(schoolId);
        if (running.isPresent()) {
            ScanRun r = running.get();
            if (r.lastProgressAt.isAfter(now.minus(config.staleAfter())) || active.contains(r.id)) {
                return Optional.empty();
            }
            abandon(r, now);
        }
        ScanRun run = new ScanRun();
        run.schoolId = schoolId;
        run.trigger = trigger;
        run.requestedBy = by;
        run.night = night;
        run.asOf = asOf.truncatedTo(ChronoUnit.MICROS);
        run.startedAt = now;
        run.lastProgressAt = now;
        run.status = ScanStatus.RUNNING;
        run.channelsTotal = (int) Channel.count("schoolId = ?1 and status = ?2 and credentialsCipher is not null",
                schoolId, ChannelStatus.ACTIVE);
        run.persist();
        run.flush();
        events.fire(new ModerationEvents.ScanStarted(schoolId, run.id, trigger, run.channelsTotal));
        return Optional.of(run);
    }

    private void abandon(ScanRun r, Instant now) {
        r.status = ScanStatus.ABANDONED;
        r.finishedAt = now;
        r.error = "No progress since " + r.lastProgressAt.truncatedTo(ChronoUnit.SECONDS)
                + ": the instance running it stopped. The channels resume from their watermarks.";
        r.flush();
        events.fire(new ModerationEvents.ScanFinished(r.schoolId, r.id, r.status, r.commentsRead, r.commentsNew,
                r.flagged, r.hidden, r.error));
    }

    /** The body of a run: every active channel of the school, each on its own. */
    void execute(long runId) {
        ScanRun run = QuarkusTransaction.requiringNew().call(() -> ScanRun.<ScanRun>findById(runId));
        ScanProgress progress = new ScanProgress();
        List<String> problems = new ArrayList<>();
        try {
            List<Long> channelIds = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select c.id from Channel c where c.schoolId = :school and c.status = :active"
                            + " and c.credentialsCipher is not null order by c.id", Long.class)
                    .setParameter("school", run.schoolId).setParameter("active", ChannelStatus.ACTIVE).getResultList());
            ClassificationContext ctx = contexts.forSchool(run.schoolId);
            CommentScanner.RunRef ref = new CommentScanner.RunRef(run.id, run.schoolId, run.asOf);
            for (long channelId : channelIds) {
                try {
                    CommentScanner.Outcome o = scanner.sweep(ref, channelId, ctx, progress);
                    if (o.completed()) {
                        progress.channelsDone++;
                    } else {
                        progress.channelsFailed++;
                        problems.add(o.channelName() + ": " + o.problem());
                    }
                } catch (ScanStopped stopped) {
                    throw stopped;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Scan run %d: channel %d failed", runId, channelId);
                    progress.channelsFailed++;
                    problems.add("channel " + channelId + ": failed (" + e.getClass().getSimpleName() + ")");
                }
                if (!writer.saveProgress(runId, progress, Instant.now(clock))) {
                    throw new ScanStopped(runId);
                }
            }
            ScanStatus status = progress.channelsFailed == 0 ? ScanStatus.COMPLETED
                    : progress.channelsDone > 0 ? ScanStatus.PARTIAL : ScanStatus.FAILED;
            finish(runId, status, progress, problems.isEmpty() ? null : String.join("; ", problems));
        } catch (ScanStopped stopped) {
            LOG.warnf("Scan run %d stopped: another instance declared it abandoned", runId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Scan run %d failed", runId);
            problems.add("the scan failed (" + e.getClass().getSimpleName() + ")");
            finish(runId, ScanStatus.FAILED, progress, String.join("; ", problems));
        }
    }

    private void finish(long runId, ScanStatus status, ScanProgress p, String error) {
        String text = error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "…";
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            ScanRun r = ScanRun.findById(runId);
            if (r.status != ScanStatus.RUNNING) {
                return;
            }
            r.status = status;
            r.finishedAt = now;
            r.lastProgressAt = now;
            r.channelsDone = p.channelsDone;
            r.channelsFailed = p.channelsFailed;
            r.commentsRead = p.commentsRead;
            r.commentsNew = p.commentsNew;
            r.flagged = p.flagged;
            r.hidden = p.hidden;
            r.error = text;
            events.fire(new ModerationEvents.ScanFinished(r.schoolId, r.id, status, p.commentsRead, p.commentsNew,
                    p.flagged, p.hidden, text));
        });
        LOG.infof("Scan run %d %s: %d comments read, %d new, %d flagged, %d hidden", runId, status, p.commentsRead,
                p.commentsNew, p.flagged, p.hidden);
    }

    @Transactional
    public Optional<ScanRun> running(long schoolId) {
        return runningRun(schoolId);
    }

    private Optional<ScanRun> runningRun(long schoolId) {
        return ScanRun.<ScanRun>find("schoolId = ?1 and status = ?2", schoolId, ScanStatus.RUNNING).firstResultOptional();
    }

    @Transactional
    public List<ScanRun> recent(long schoolId, int limit) {
        return ScanRun.<ScanRun>find("schoolId = ?1 order by startedAt desc, id desc", schoolId).page(0, limit).list();
    }

    /** The run of this school, or 404. */
    @Transactional
    public ScanRun get(long schoolId, long runId) {
        ScanRun r = ScanRun.findById(runId);
        if (r == null || r.schoolId != schoolId) {
            throw new NotFoundException("No such scan run");
        }
        return r;
    }

    @Transactional
    public List<ChannelScanView> channels(long schoolId) {
        return em.createQuery("""
                        select new org.schoolgate.moderation.scan.ChannelScanView(c.id, c.name, c.status, s.commentWatermark,
                               s.lastCompletedAt, s.lastAttemptAt, s.lastProblem)
                          from Channel c left join ChannelScanState s on s.channelId = c.id
                         where c.schoolId = :school order by c.name""", ChannelScanView.class)
                .setParameter("school", schoolId).getResultList();
    }

    /** Waits for a school's running scans of this instance to finish (tests, shutdown). */
    public boolean awaitIdle(long schoolId, long timeoutMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < until) {
            if (running(schoolId).isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Runs this instance leaves unfinished are marked abandoned, so the next start need not wait for staleness. */
    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (long runId : Set.copyOf(active)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ScanRun r = ScanRun.findById(runId);
                    if (r != null && r.status == ScanStatus.RUNNING) {
                        abandon(r, Instant.now(clock));
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf("Could not mark scan run %d abandoned at shutdown: %s", runId, e.getMessage());
            }
        }
    }
}
