package org.schoolgate.channels.instagram;

import java.time.Instant;
import java.util.Optional;
import org.schoolgate.channels.Capabilities;
import org.schoolgate.channels.Capabilities.Operation;
import org.schoolgate.channels.ChannelAccess;
import org.schoolgate.channels.ChannelConnector;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelHealth;
import org.schoolgate.channels.OutgoingPost;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.channels.PublishedPost;
import org.schoolgate.channels.Slice;

/** Placeholder until the instagram4j adapter lands: read and reply only. */
public final class Instagram4jConnector implements ChannelConnector {

    public Instagram4jConnector(String baseUrl, boolean production, ChannelAccess access) {
    }

    public Platform platform() {
        return Platform.INSTAGRAM_PRIVATE;
    }

    public Capabilities capabilities() {
        return Capabilities.of(Operation.LIST_POSTS, Operation.LIST_COMMENTS, Operation.REPLY);
    }

    public Slice<PlatformPost> listPosts(Instant since, Optional<String> cursor) {
        throw unsupported();
    }

    public Slice<PlatformComment> listComments(String postId, Instant watermark, Optional<String> cursor) {
        throw unsupported();
    }

    public void setHidden(String commentId, boolean hidden) {
        throw unsupported();
    }

    public void deleteComment(String commentId) {
        throw unsupported();
    }

    public String reply(String commentId, String text) {
        throw unsupported();
    }

    public PublishedPost publish(OutgoingPost post) {
        throw unsupported();
    }

    public ChannelHealth health() {
        throw unsupported();
    }

    private static ChannelException unsupported() {
        return new ChannelException(ChannelException.Kind.INVALID_REQUEST, "Not supported by the instagram4j adapter");
    }
}
