package org.schoolgate.moderation;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.ChannelStatus;
import org.schoolgate.channels.Platform;
import org.schoolgate.moderation.scan.EvidenceService;
import org.schoolgate.moderation.scan.ModerationEvents;
import org.schoolgate.moderation.scan.ScannedComment;
import org.schoolgate.moderation.scan.ScannedPost;
import org.schoolgate.review.NewReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewService;
import org.schoolgate.review.Severity;

/**
 * Flagged comments as the scan leaves them (comment and post rows, evidence, a FLAGGED_COMMENT item, the
 * CommentFlagged event), for tests of what happens after the scan.
 */
public final class CommentFixtures {

    private CommentFixtures() {
    }

    public record Flagged(long schoolId, long channelId, long commentId, long itemId, String platformCommentId) {
    }

    /** A channel row of the school that is not connected to anything (for tests that never call the platform). */
    public static long channel(long schoolId, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Channel c = new Channel();
            c.schoolId = schoolId;
            c.platform = Platform.FACEBOOK_PAGE;
            c.accountId = "sim-" + UUID.randomUUID().toString().substring(0, 12);
            c.name = name;
            c.kind = ChannelKind.OFFICIAL;
            c.purpose = "p";
            c.objectives = "o";
            c.riskAssessment = "r";
            c.registeredWithEmail = "office@school.example";
            c.registeredBy = "head@demo.school";
            c.registeredAt = Instant.now();
            c.status = ChannelStatus.ACTIVE;
            c.persist();
            return c.id;
        });
    }

    public static Flagged flagged(long schoolId, long channelId, String text, Severity severity, Category... categories) {
        return flagged(schoolId, channelId, "p-" + UUID.randomUUID().toString().substring(0, 8),
                "c-" + UUID.randomUUID().toString().substring(0, 8), null, "7001", "Pat Parent", text, severity,
                categories);
    }

    /** The comment, its post (created when missing), evidence, review item and event, as the scan writes them. */
    public static Flagged flagged(long schoolId, long channelId, String postId, String commentId, String parentId,
                                  String authorId, String authorName, String text, Severity severity,
                                  Category... categories) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (ScannedPost.find(channelId, postId).isEmpty()) {
                ScannedPost p = new ScannedPost();
                p.schoolId = schoolId;
                p.channelId = channelId;
                p.platformPostId = postId;
                p.text = "Sports day was wonderful, thank you all!";
                p.permalink = "https://www.facebook.com/" + postId;
                p.createdAt = now.minus(2, ChronoUnit.DAYS);
                p.capturedAt = now;
                p.persist();
            }
            ScannedComment c = new ScannedComment();
            c.schoolId = schoolId;
            c.channelId = channelId;
            c.platformCommentId = commentId;
            c.platformPostId = postId;
            c.parentPlatformId = parentId;
            c.authorPlatformId = authorId;
            c.authorName = authorName;
            c.text = text;
            c.createdAt = now.minus(3, ChronoUnit.HOURS);
            c.capturedAt = now;
            c.permalink = "https://www.facebook.com/" + commentId;
            c.abusive = 0.9;
            c.categories = List.of(categories).stream().map(Enum::name).toList();
            c.severity = severity;
            c.modelVersion = "test-model";
            c.why = categories[0].id() + ": 'test phrase'";
            c.flagged = severity != Severity.NONE;
            c.persist();
            if (!c.flagged) {
                return new Flagged(schoolId, channelId, c.id, -1, commentId);
            }
            ReviewService review = Arc.container().instance(ReviewService.class).get();
            long itemId = review.raise(new NewReviewItem(schoolId, ReviewKind.FLAGGED_COMMENT, severity, "comment",
                    Long.toString(c.id), channelId, text.substring(0, Math.min(40, text.length())), c.why)).orElseThrow().id;
            c.reviewItemId = itemId;
            Arc.container().instance(EvidenceService.class).get().capture(schoolId, c.id, EvidenceService.SCAN);
            Arc.container().beanManager().getEvent().select(ModerationEvents.CommentFlagged.class)
                    .fire(new ModerationEvents.CommentFlagged(schoolId, c.id, itemId, severity, c.categories));
            return new Flagged(schoolId, channelId, c.id, itemId, commentId);
        });
    }
}
