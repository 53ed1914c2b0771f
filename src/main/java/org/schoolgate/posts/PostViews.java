package org.schoolgate.posts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.schoolgate.channels.Channel;

/** What the JSON API takes and answers (never image bytes inline, never another school's data). */
public final class PostViews {

    private PostViews() {
    }

    /** A draft's caption, channels and schedule (null: as soon as approved). */
    public record PostForm(@Size(max = 10_000) String caption, List<Long> channelIds, Instant scheduledAt) {
        PostService.Draft draft() {
            return new PostService.Draft(caption, channelIds == null ? List.of() : channelIds, scheduledAt);
        }
    }

    /** Who is on a picture: pupils, or the declaration that nobody can be identified. */
    public record TagsForm(List<Long> pupilIds, boolean noIdentifiablePupils) {
    }

    /** The content hash of the version the colleague read (shown as {@code contentHash} on the post). */
    public record SignOffForm(@NotNull String contentHash) {
    }

    /** The post version the headteacher looked at (optional; 409 when someone acted in between). */
    public record ApproveForm(Long version) {
    }

    public record RejectForm(@NotNull @Size(min = 1, max = 2000) String reason, Long version) {
    }

    public record TakeDownForm(@Size(max = 2000) String reason) {
    }

    public record ImageView(long id, int position, String mediaType, int width, int height, int sizeBytes,
                            String sha256, List<Long> pupilIds, boolean noIdentifiablePupils, String href) {
        static ImageView of(PostImage i) {
            return new ImageView(i.id, i.position, i.mediaType, i.width, i.height, i.sizeBytes, i.sha256,
                    List.copyOf(i.pupilIds), i.noIdentifiablePupils,
                    "/api/posts/" + i.postId + "/images/" + i.id);
        }
    }

    public record ChannelResult(long channelId, String channel, String platform, String status, String platformPostId,
                                String permalink, int attempts, boolean reconciled, String lastError,
                                Instant publishedAt, Instant takenDownAt) {
        static ChannelResult of(PostTarget t, Map<Long, Channel> channels) {
            Channel c = channels.get(t.channelId);
            return new ChannelResult(t.channelId, c == null ? "" : c.name, c == null ? "" : c.platform.name(),
                    t.status.name(), t.platformPostId, t.permalink, t.attempts, t.reconciled, t.lastError,
                    t.publishedAt, t.takenDownAt);
        }
    }

    public record PostView(long id, String status, String caption, long authorId, String authorName,
                           Instant scheduledAt, String contentHash, long version, Instant createdAt, Instant updatedAt,
                           Instant submittedAt, String signedOffBy, Instant signedOffAt, boolean signOffValid,
                           String approvedBy, Instant approvedAt, String rejectedBy, String rejectedReason,
                           Instant rejectedAt, String blockedReason, int publishAttempts, Instant nextAttemptAt,
                           String lastPublishError, Instant publishedAt, Instant takenDownAt, String takeDownReason,
                           List<ImageView> images, List<ChannelResult> channels) {
        static PostView of(Post p, List<PostImage> images, List<PostTarget> targets, Map<Long, Channel> channels) {
            return new PostView(p.id, p.status.name(), p.caption, p.authorId, p.authorName, p.scheduledAt,
                    p.contentHash, p.version, p.createdAt, p.updatedAt, p.submittedAt, p.signedOffByName, p.signedOffAt,
                    p.signOffValid(), p.approvedByName, p.approvedAt, p.rejectedByName, p.rejectedReason, p.rejectedAt,
                    p.blockedReason, p.publishAttempts, p.nextAttemptAt, p.lastPublishError, p.publishedAt,
                    p.takenDownAt, p.takeDownReason, images.stream().map(ImageView::of).toList(),
                    targets.stream().map(t -> ChannelResult.of(t, channels)).toList());
        }
    }

    /** One line of a list or queue. */
    public record PostSummary(long id, String status, String excerpt, String authorName, Instant scheduledAt,
                              Instant submittedAt, String signedOffBy, Instant signedOffAt, Instant updatedAt,
                              long version) {
        static PostSummary of(Post p) {
            return new PostSummary(p.id, p.status.name(), p.excerpt(), p.authorName, p.scheduledAt, p.submittedAt,
                    p.signedOffByName, p.signedOffAt, p.updatedAt, p.version);
        }
    }

    public record Page<T>(long total, int offset, int limit, List<T> items) {
    }

    public record HistoryEntry(Instant at, String actor, String actorEmail, String action, String detail) {
        static HistoryEntry of(PostEvent e) {
            return new HistoryEntry(e.at, e.actorName, e.actorEmail, e.action, e.detail);
        }
    }

    public record ChannelOption(long id, String name, String platform) {
    }

    public record TakeDownView(PostView post, List<String> removed, List<String> stillUp) {
    }
}
