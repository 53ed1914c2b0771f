package org.schoolgate.channels;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.schoolgate.channels.Capabilities.Operation;

/** A monitored channel: the school reads it but never writes to it (SPEC §2.2). */
final class ReadOnlyConnector implements ChannelConnector {

    private static final Set<Operation> READS = EnumSet.of(Operation.LIST_POSTS, Operation.LIST_COMMENTS,
            Operation.HEALTH);

    private final ChannelConnector inner;

    ReadOnlyConnector(ChannelConnector inner) {
        this.inner = inner;
    }

    public Platform platform() {
        return inner.platform();
    }

    public Capabilities capabilities() {
        EnumSet<Operation> ops = EnumSet.noneOf(Operation.class);
        inner.capabilities().operations().stream().filter(READS::contains).forEach(ops::add);
        return new Capabilities(Set.copyOf(ops));
    }

    public Slice<PlatformPost> listPosts(Instant since, Optional<String> cursor) {
        return inner.listPosts(since, cursor);
    }

    public Slice<PlatformComment> listComments(String postId, Instant watermark, Optional<String> cursor) {
        return inner.listComments(postId, watermark, cursor);
    }

    public void setHidden(String commentId, boolean hidden) {
        throw refused();
    }

    public void deleteComment(String commentId) {
        throw refused();
    }

    public void deletePost(String postId) {
        throw refused();
    }

    public String reply(String commentId, String text) {
        throw refused();
    }

    public PublishedPost publish(OutgoingPost post) {
        throw refused();
    }

    public ChannelHealth health() {
        return inner.health();
    }

    private static ChannelException refused() {
        return new ChannelException(ChannelException.Kind.INVALID_REQUEST,
                "This is a monitored channel: Schoolgate only reads it");
    }
}
