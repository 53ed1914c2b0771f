package org.schoolgate.posts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelConnector;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.ChannelStatus;
import org.schoolgate.channels.ConnectorFactory;
import org.schoolgate.channels.OutgoingPost;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.channels.PublishedPost;
import org.schoolgate.channels.Slice;
import org.schoolgate.posts.PostChecks.Step;

/**
 * Publishing (SPEC §2.1 step 5): approved posts go out at their scheduled time, or at once, after a last
 * check. Each channel is published on its own, and nothing is ever sent twice:
 * <ol>
 *   <li>before the platform is called, the attempt is committed ({@link PostTarget#attemptStartedAt});</li>
 *   <li>the connector publishes under the channel's idempotency key (its journal never repeats a key it
 *       recorded);</li>
 *   <li>the answer is recorded in its own transaction;</li>
 *   <li>when an attempt's answer was lost (a timeout, or a crash between 2 and 3), the next run first lists
 *       the channel and adopts the copy it finds ({@link Reconciliation}) instead of publishing again; a
 *       platform's "duplicate" answer is reconciled the same way.</li>
 * </ol>
 * Failures are retried with back-off ({@link PublishRetryPolicy}), then become a failed publication and a
 * review item. Runs from {@link PublishJob} (Quartz, once across instances); tests call it directly.
 */
@ApplicationScoped
public class PublishService {

    private static final Logger LOG = Logger.getLogger(PublishService.class);
    private static final int MAX_RECONCILE_PAGES = 5;

    public record Outcome(long postId, String result) {
    }

    private record Target(long id, long channelId, String channelName, String key, Instant attemptStartedAt) {
    }

    private record Plan(long postId, long schoolId, OutgoingPost content, List<Target> targets, Outcome done) {
    }

    @Inject
    PostService posts;

    @Inject
    PostChecks checks;

    @Inject
    PostReviewItems items;

    @Inject
    ConnectorFactory connectors;

    @Inject
    PostsConfig config;

    @Inject
    PublishCheckpoint checkpoint;

    /** Every approved post that is due at {@code now}; one failing post never stops the others. */
    public List<Outcome> runDue(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> Post.getEntityManager().createQuery(
                        "select p.id from Post p where p.status = :approved"
                                + " and (p.scheduledAt is null or p.scheduledAt <= :now)"
                                + " and (p.nextAttemptAt is null or p.nextAttemptAt <= :now)"
                                + " order by coalesce(p.scheduledAt, p.approvedAt), p.id", Long.class)
                .setParameter("approved", PostStatus.APPROVED).setParameter("now", now).getResultList());
        List<Outcome> outcomes = new ArrayList<>();
        for (long id : due) {
            try {
                outcomes.add(publish(id, now));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Publishing post %d failed unexpectedly", id);
                outcomes.add(new Outcome(id, "failed: " + e.getClass().getSimpleName()));
            }
        }
        return outcomes;
    }

    /** One post: the last check, then each channel not yet published. */
    public Outcome publish(long postId, Instant now) {
        Plan plan = QuarkusTransaction.requiringNew().call(() -> prepare(postId, now));
        if (plan.done() != null) {
            return plan.done();
        }
        List<String> failures = new ArrayList<>();
        Long failedChannel = null;
        for (Target t : plan.targets()) {
            try {
                publishTo(plan, t, now);
            } catch (ChannelException e) {
                failures.add(t.channelName() + ": " + e.getMessage() + " (" + e.kind() + ")");
                failedChannel = t.channelId();
                noteError(t.id(), e.getMessage() + " (" + e.kind() + ")");
            } catch (RuntimeException e) {
                LOG.errorf(e, "Publishing post %d to channel %d failed", postId, t.channelId());
                failures.add(t.channelName() + ": unexpected " + e.getClass().getSimpleName());
                failedChannel = t.channelId();
                noteError(t.id(), e.getClass().getSimpleName());
            }
        }
        Long channel = failedChannel;
        return QuarkusTransaction.requiringNew().call(() -> finish(postId, failures, channel, now));
    }

    private Plan prepare(long postId, Instant now) {
        Post p = Post.findById(postId);
        if (p == null || p.status != PostStatus.APPROVED) {
            return new Plan(postId, 0, null, List.of(), new Outcome(postId, "not approved"));
        }
        if (p.scheduledAt != null && p.scheduledAt.isAfter(now)) {
            return new Plan(postId, p.schoolId, null, List.of(), new Outcome(postId, "not due"));
        }
        List<PostImage> images = posts.images(p.id);
        List<PostTarget> targets = posts.targets(p.id);
        CheckReport report = checks.check(p, images, targets, Step.PUBLISH, now);
        if (report.allowed() && (!p.contentHash.equals(p.approvedHash) || !p.signOffValid())) {
            report = new CheckReport(List.of(new CheckReport.Problem(CheckReport.Kind.CONTENT,
                    "The approval or sign-off does not cover the current content")), report.pupils());
        }
        if (!report.allowed()) {
            posts.blocked(p, Who.SYSTEM, "Stopped before publishing", report, true);
            items.blockedAtPublish(p, PostEvent.count("postId = ?1 and action = 'blocked'", p.id), report.summary());
            return new Plan(postId, p.schoolId, null, List.of(), new Outcome(postId, "blocked: " + report.summary()));
        }
        List<OutgoingPost.Image> pictures = new ArrayList<>();
        for (PostImage i : images) {
            PostImageData data = PostImageData.findById(i.id);
            pictures.add(new OutgoingPost.Image(i.fileName(), i.mediaType, data.bytes));
        }
        List<Target> todo = new ArrayList<>();
        for (PostTarget t : targets) {
            if (t.status == PostTarget.Status.PENDING) {
                Channel c = Channel.findById(t.channelId);
                todo.add(new Target(t.id, t.channelId, c.name, t.idempotencyKey, t.attemptStartedAt));
            }
        }
        return new Plan(postId, p.schoolId, new OutgoingPost("unused", p.caption, pictures), todo, null);
    }

    private void publishTo(Plan plan, Target t, Instant now) {
        Channel c = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(t.channelId()));
        if (c.status != ChannelStatus.ACTIVE || c.kind != ChannelKind.OFFICIAL) {
            throw new ChannelException(ChannelException.Kind.PERMISSION_MISSING, c.name + " is "
                    + c.status.label().toLowerCase(java.util.Locale.ROOT) + " and takes no posts");
        }
        ChannelConnector connector = connectors.forChannel(c);
        String caption = plan.content().caption();
        if (t.attemptStartedAt() != null) {
            Optional<PlatformPost> found = reconcile(connector, t, caption, t.attemptStartedAt());
            if (found.isPresent()) {
                recorded(plan.postId(), t, found.get().id(), found.get().permalink().map(Object::toString), true, now);
                return;
            }
        }
        Instant started = QuarkusTransaction.requiringNew().call(() -> {
            PostTarget row = PostTarget.findById(t.id());
            row.attempts++;
            if (row.attemptStartedAt == null) {
                row.attemptStartedAt = now;
            }
            return row.attemptStartedAt;
        });
        PublishedPost published;
        try {
            published = connector.publish(new OutgoingPost(t.key(), caption, plan.content().images()));
        } catch (ChannelException e) {
            if (e.kind() == ChannelException.Kind.DUPLICATE) {
                Optional<PlatformPost> found = reconcile(connector, t, caption, started);
                if (found.isPresent()) {
                    recorded(plan.postId(), t, found.get().id(), found.get().permalink().map(Object::toString), true,
                            now);
                    return;
                }
            }
            throw e;
        }
        checkpoint.accepted(plan.postId(), t.channelId(), published);
        recorded(plan.postId(), t, published.platformPostId(), published.permalink().map(Object::toString), false, now);
    }

    /** Lists the channel from the attempt (less the margin) and adopts our copy if it is there. */
    private Optional<PlatformPost> reconcile(ChannelConnector connector, Target t, String caption, Instant attempt) {
        Instant since = attempt.minus(config.reconcileMargin());
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Slice<PlatformPost> page = connector.listPosts(since, cursor);
            Optional<PlatformPost> found = Reconciliation.find(page.items(), caption, since,
                    id -> QuarkusTransaction.requiringNew().call(() -> PostTarget.count(
                            "channelId = ?1 and platformPostId = ?2 and id <> ?3", t.channelId(), id, t.id()) > 0));
            if (found.isPresent()) {
                return found;
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent() && ++pages < MAX_RECONCILE_PAGES);
        return Optional.empty();
    }

    private void recorded(long postId, Target t, String platformId, Optional<String> permalink, boolean reconciled,
                          Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            PostTarget row = PostTarget.findById(t.id());
            row.status = PostTarget.Status.PUBLISHED;
            row.platformPostId = platformId;
            row.permalink = permalink.orElse(null);
            row.publishedAt = now;
            row.reconciled = reconciled;
            row.attemptStartedAt = null;
            row.lastError = null;
            Post p = Post.findById(postId);
            String where = permalink.map(l -> " at " + l).orElse(" (platform id " + platformId + ")");
            posts.step(p, Who.SYSTEM, "published-to-channel", "Published on " + t.channelName() + where
                    + (reconciled ? "; the answer to the attempt was lost, so the channel was listed and our copy "
                    + "found there (nothing was sent twice)" : ""), false,
                    new PostEvents.PostPublishedToChannel(p.schoolId, p.id, t.channelName() + " " + platformId
                            + (reconciled ? " (reconciled)" : "")));
            if (p.status == PostStatus.BLOCKED) {
                // consent changed while this copy was on its way: the sweep could not see it, so say it here
                items.consentConflict(p, "published while blocked " + t.id(), "A copy went out while the post was "
                        + "being blocked: " + p.excerpt(), "Published on " + t.channelName() + where + " just as the "
                        + "post was blocked (" + p.blockedReason + "). Open the post and take it down.");
            }
        });
    }

    private static void noteError(long targetId, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            PostTarget row = PostTarget.findById(targetId);
            row.lastError = message;
        });
    }

    private Outcome finish(long postId, List<String> failures, Long failedChannel, Instant now) {
        Post p = Post.findById(postId);
        List<PostTarget> targets = posts.targets(postId);
        boolean all = targets.stream().allMatch(t -> t.status == PostTarget.Status.PUBLISHED);
        if (p.status != PostStatus.APPROVED) {
            return new Outcome(postId, "moved on to " + p.statusWords() + " meanwhile");
        }
        if (all && failures.isEmpty()) {
            p.status = PostStatus.PUBLISHED;
            p.publishedAt = now;
            p.nextAttemptAt = null;
            p.lastPublishError = null;
            p.updatedAt = now;
            posts.step(p, Who.SYSTEM, "published", "Out on every channel", false,
                    new PostEvents.PostPublished(p.schoolId, p.id, targets.size() + " channel(s)"));
            return new Outcome(postId, "published");
        }
        PublishRetryPolicy policy = new PublishRetryPolicy(config.firstRetryDelay(), config.maxRetryDelay(),
                config.maxPublishAttempts());
        p.publishAttempts++;
        p.lastPublishError = String.join("; ", failures);
        p.updatedAt = now;
        if (policy.exhausted(p.publishAttempts)) {
            p.status = PostStatus.PUBLISH_FAILED;
            p.nextAttemptAt = null;
            posts.step(p, Who.SYSTEM, "publish-failed", "Gave up after " + p.publishAttempts + " attempts: "
                    + p.lastPublishError, false, new PostEvents.PostPublishFailed(p.schoolId, p.id, p.lastPublishError));
            items.publishFailed(p, failedChannel, PostEvent.count("postId = ?1 and action = 'publish-failed'", p.id),
                    "After " + p.publishAttempts + " attempts: " + p.lastPublishError + ". Fix the channel, then "
                            + "restart publishing from the post's page (nothing is sent twice).");
            return new Outcome(postId, "failed for good: " + p.lastPublishError);
        }
        p.nextAttemptAt = now.plus(policy.delayAfter(p.publishAttempts));
        posts.step(p, Who.SYSTEM, "publish-attempt-failed", "Attempt " + p.publishAttempts + " failed: "
                + p.lastPublishError + "; next attempt " + PostTimes.time(p.nextAttemptAt), false,
                new PostEvents.PostPublishAttemptFailed(p.schoolId, p.id, p.lastPublishError));
        return new Outcome(postId, "will retry at " + p.nextAttemptAt);
    }
}
