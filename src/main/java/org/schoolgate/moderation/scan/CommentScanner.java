package org.schoolgate.moderation.scan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelConnector;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelProblems;
import org.schoolgate.channels.ConnectorFactory;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.channels.Slice;
import org.schoolgate.moderation.AbuseClassifier;
import org.schoolgate.moderation.ClassificationContext;
import org.schoolgate.moderation.Verdict;

/**
 * Sweeps one channel: every post created within the post window, every comment and reply on it
 * created since the channel's watermark (less the overlap), classified and written in batches.
 * The watermark moves to the run's instant only when the whole sweep completed; a platform fault
 * stops the channel after writing what was read, and leaves the watermark, so the next run reads
 * again from there (re-reads are dropped by the unique platform comment id).
 */
@ApplicationScoped
public class CommentScanner {

    private static final Logger LOG = Logger.getLogger(CommentScanner.class);

    /** The run as the sweep needs it. */
    record RunRef(long id, long schoolId, Instant asOf) {
    }

    /** How one channel's sweep ended: completed (watermark moved) or stopped with a reason in words. */
    record Outcome(long channelId, String channelName, boolean completed, String problem) {
    }

    @Inject
    ConnectorFactory connectors;

    @Inject
    AbuseClassifier classifier;

    @Inject
    ScanWriter writer;

    @Inject
    AutoHider hider;

    @Inject
    ChannelProblems problems;

    @Inject
    ScanConfig config;

    @Inject
    Clock clock;

    Outcome sweep(RunRef run, long channelId, ClassificationContext ctx, ScanProgress progress) {
        Channel channel = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channelId));
        Instant watermark = attempt(run, channel);
        Instant now = Instant.now(clock);
        if (channel.backoffUntil != null && now.isBefore(channel.backoffUntil)) {
            return stopped(run, channel, "rate limited by the platform until "
                    + channel.backoffUntil.truncatedTo(ChronoUnit.MINUTES) + "; the next scan resumes from the watermark");
        }
        Instant postsSince = run.asOf().minus(config.postWindow());
        Instant since = watermark == null ? postsSince : watermark.minus(config.overlap());
        ScanBatch batch = new ScanBatch(run.id(), run.schoolId(), channelId);
        ChannelConnector connector = null;
        try {
            connector = connectors.forChannel(channel);
            Optional<String> cursor = Optional.empty();
            do {
                Slice<PlatformPost> page = connector.listPosts(postsSince, cursor);
                for (PlatformPost post : page.items()) {
                    if (post.commentCount() != 0) {
                        batch = readComments(connector, channel, post, since, ctx, batch, progress);
                    }
                }
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            flush(connector, channel, batch, progress);
        } catch (ChannelException e) {
            if (connector != null) {
                flush(connector, channel, batch, progress);
            }
            problems.handle(channelId, e);
            return stopped(run, channel, describe(e));
        }
        complete(run, channel);
        return new Outcome(channelId, channel.name, true, null);
    }

    private ScanBatch readComments(ChannelConnector connector, Channel channel, PlatformPost post, Instant since,
                                   ClassificationContext ctx, ScanBatch batch, ScanProgress progress) {
        Optional<String> at = Optional.empty();
        do {
            Slice<PlatformComment> slice = connector.listComments(post.id(), since, at);
            for (PlatformComment c : slice.items()) {
                Verdict v = classifier.classify(c.text(), ctx);
                batch.add(post, c, v, CommentPermalinks.of(channel.platform, post, c).orElse(null));
            }
            if (batch.size() >= config.batchSize()) {
                batch = flush(connector, channel, batch, progress);
            }
            at = slice.nextCursor();
        } while (at.isPresent());
        return batch;
    }

    /** Writes the batch in its own transaction, then hides what is due (its evidence is committed by now). */
    private ScanBatch flush(ChannelConnector connector, Channel channel, ScanBatch batch, ScanProgress progress) {
        if (!batch.isEmpty()) {
            ScanWriter.Written w = writer.write(batch, progress);
            progress.commentsRead += batch.size();
            progress.commentsNew += w.newComments();
            progress.flagged += w.flagged().size();
            progress.hidden += hider.hideDue(connector, channel, w.flagged());
        }
        return new ScanBatch(batch.runId, batch.schoolId, batch.channelId);
    }

    /** Marks the attempt and returns the channel's watermark (null before its first completed sweep). */
    private Instant attempt(RunRef run, Channel channel) {
        Instant now = Instant.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> {
            ChannelScanState s = ChannelScanState.findById(channel.id);
            if (s == null) {
                s = new ChannelScanState();
                s.channelId = channel.id;
                s.schoolId = channel.schoolId;
                s.persist();
            }
            s.lastRunId = run.id();
            s.lastAttemptAt = now;
            return s.commentWatermark;
        });
    }

    private void complete(RunRef run, Channel channel) {
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            ChannelScanState s = ChannelScanState.findById(channel.id);
            if (s.commentWatermark == null || run.asOf().isAfter(s.commentWatermark)) {
                s.commentWatermark = run.asOf();
            }
            s.lastCompletedAt = now;
            s.lastProblem = null;
        });
    }

    private Outcome stopped(RunRef run, Channel channel, String problem) {
        String text = problem.length() > 1000 ? problem.substring(0, 997) + "…" : problem;
        LOG.infof("Scan run %d: channel %d stopped: %s", run.id(), channel.id, text);
        QuarkusTransaction.requiringNew().run(() -> {
            ChannelScanState s = ChannelScanState.findById(channel.id);
            s.lastProblem = text;
        });
        return new Outcome(channel.id, channel.name, false, text);
    }

    static String describe(ChannelException e) {
        String what = switch (e.kind()) {
            case RATE_LIMITED -> "rate limited by the platform"
                    + e.retryAfter().map(d -> " for " + d.toMinutes() + " min").orElse("");
            case AUTH_EXPIRED, AUTH_REVOKED, PERMISSION_MISSING -> "the channel needs reconnecting ("
                    + e.kind().name().toLowerCase().replace('_', ' ') + ")";
            case POLICY_BLOCKED -> "blocked by the platform for policy reasons";
            default -> "platform error (" + e.kind().name().toLowerCase().replace('_', ' ') + ")";
        };
        return what + ": " + e.getMessage() + "; the next scan resumes from the watermark";
    }
}
