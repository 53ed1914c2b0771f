package org.schoolgate.channels;

import java.time.Instant;
import java.util.Optional;

/**
 * One social-media account as Schoolgate sees it. Adapters (Facebook Page on facebook4j, Instagram
 * Graph, the optional instagram4j one) implement it; nothing of theirs leaks past this interface.
 * Every method throws {@link ChannelException} and nothing else for platform trouble.
 */
public interface ChannelConnector {

    Platform platform();

    /** What this connector can do; callers check instead of catching refusals. */
    Capabilities capabilities();

    /**
     * Posts created at or after {@code since}, newest first, one page per call. Pass the returned
     * cursor to continue; it is opaque and carries no token, so it may be stored.
     */
    Slice<PlatformPost> listPosts(Instant since, Optional<String> cursor);

    /**
     * Comments and replies on a post created at or after {@code watermark}, newest first, flat
     * (replies carry their parent id), one page per call.
     */
    Slice<PlatformComment> listComments(String postId, Instant watermark, Optional<String> cursor);

    void setHidden(String commentId, boolean hidden);

    void deleteComment(String commentId);

    /** Replies as the account; returns the platform id of the reply. */
    String reply(String commentId, String text);

    /**
     * Removes one of the account's own posts (a take-down). A post that is already gone counts as
     * removed: {@link ChannelException.Kind#NOT_FOUND} tells the caller so, and nothing else fails.
     */
    void deletePost(String postId);

    /** Publishes once per idempotency key: a repeat of a published key returns the first result. */
    PublishedPost publish(OutgoingPost post);

    ChannelHealth health();
}
