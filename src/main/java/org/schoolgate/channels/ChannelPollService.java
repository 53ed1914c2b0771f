package org.schoolgate.channels;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.schoolgate.review.NewReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewService;
import org.schoolgate.review.Severity;

/**
 * Hourly reconciliation (SPEC §2.2): list each active channel's recent posts and raise one
 * out-of-workflow review item for every post Schoolgate did not publish. Progress (cursor,
 * watermark) is saved after every page, so a rate limit or crash resumes where it stopped; each
 * channel is polled on its own, so one failing channel never stops the others.
 */
@ApplicationScoped
public class ChannelPollService {

    private static final Logger LOG = Logger.getLogger(ChannelPollService.class);

    public record Outcome(long channelId, String result) {
    }

    @Inject
    ConnectorFactory connectors;

    @Inject
    PublishedLedger ledger;

    @Inject
    ReviewService review;

    @Inject
    ChannelProblems problems;

    @Inject
    PollingConfig config;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<ChannelEvents.OutsidePostFound> outsidePosts;

    public List<Outcome> pollAll() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>list("status", ChannelStatus.ACTIVE)
                .stream().map(c -> c.id).toList());
        List<Outcome> outcomes = new ArrayList<>();
        for (long id : ids) {
            try {
                outcomes.add(pollOne(id));
            } catch (RuntimeException e) {
                LOG.warnf("Polling channel %d failed: %s", id, e.getClass().getSimpleName());
                problems.note(id, "Polling failed: " + e.getClass().getSimpleName());
                outcomes.add(new Outcome(id, "failed"));
            }
        }
        return outcomes;
    }

    public Outcome pollOne(long channelId) {
        Channel c = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channelId));
        Instant now = Instant.now(clock);
        if (c.status != ChannelStatus.ACTIVE) {
            return new Outcome(channelId, "not active");
        }
        if (c.backoffUntil != null && now.isBefore(c.backoffUntil)) {
            return new Outcome(channelId, "backing off until " + c.backoffUntil);
        }
        Instant since = c.postWatermark == null ? now.minus(config.firstPollWindow())
                : c.postWatermark.minus(config.overlap());
        Optional<String> cursor = Optional.ofNullable(c.postCursor);
        Instant newest = c.pendingWatermark;
        int raised = 0;
        int pages = 0;
        try {
            ChannelConnector connector = connectors.forChannel(c);
            do {
                Slice<PlatformPost> page = connector.listPosts(since, cursor);
                for (PlatformPost post : page.items()) {
                    boolean outside = c.kind == ChannelKind.MONITORED || !isKnown(c, post.id());
                    if (c.kind == ChannelKind.OFFICIAL && outside && raise(c, post)) {
                        raised++;
                    }
                    if (outside) {
                        found(c, post);
                    }
                    newest = newest == null || post.createdAt().isAfter(newest) ? post.createdAt() : newest;
                }
                cursor = page.nextCursor();
                pages++;
                saveProgress(channelId, cursor, newest);
            } while (cursor.isPresent() && pages < config.maxPagesPerRun());
            if (cursor.isEmpty()) {
                complete(channelId, newest, now);
            }
            return new Outcome(channelId, raised + " new out-of-workflow post(s)" + (cursor.isPresent()
                    ? "; more next run" : ""));
        } catch (ChannelException e) {
            problems.handle(channelId, e);
            return new Outcome(channelId, e.kind().name());
        }
    }

    /** Observers (the posts' caption check) must never stop the poll. */
    private void found(Channel c, PlatformPost post) {
        try {
            outsidePosts.fire(new ChannelEvents.OutsidePostFound(c.schoolId, c.id, c.name, c.platform,
                    c.kind == ChannelKind.MONITORED, post.id(), post.text(), post.createdAt()));
        } catch (RuntimeException e) {
            LOG.warnf("An observer of post %s on channel %d failed: %s", post.id(), c.id, e.getClass().getSimpleName());
        }
    }

    private boolean isKnown(Channel c, String postId) {
        if (ledger.isKnown(c.id, postId)) {
            return true;
        }
        return QuarkusTransaction.requiringNew().call(() ->
                ChannelPublication.count("channelId = ?1 and platformPostId = ?2", c.id, postId) > 0);
    }

    private boolean raise(Channel c, PlatformPost post) {
        String excerpt = post.text().isBlank() ? "(no caption)" : post.text().length() > 120
                ? post.text().substring(0, 117) + "…" : post.text();
        return review.raise(new NewReviewItem(c.schoolId, ReviewKind.OUT_OF_WORKFLOW_POST, Severity.HIGH,
                "platform-post", "channel " + c.id + " post " + post.id(), c.id,
                "Posted on " + c.name + " without Schoolgate sign-off: " + excerpt,
                "Post " + post.id() + " created " + post.createdAt() + post.permalink().map(p -> " at " + p).orElse("")
                        + ". It bypassed sign-off and consent checks; check it for pupils' names and images."))
                .isPresent();
    }

    private void saveProgress(long channelId, Optional<String> cursor, Instant newest) {
        QuarkusTransaction.requiringNew().run(() -> {
            Channel c = Channel.findById(channelId);
            c.postCursor = cursor.orElse(null);
            c.pendingWatermark = newest;
        });
    }

    private void complete(long channelId, Instant newest, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            Channel c = Channel.findById(channelId);
            if (newest != null && (c.postWatermark == null || newest.isAfter(c.postWatermark))) {
                c.postWatermark = newest;
            } else if (c.postWatermark == null) {
                c.postWatermark = now.minus(config.firstPollWindow());
            }
            c.pendingWatermark = null;
            c.postCursor = null;
            c.backoffUntil = null;
            c.lastPolledAt = now;
            c.lastProblem = null;
            c.problemSince = null;
        });
    }
}
