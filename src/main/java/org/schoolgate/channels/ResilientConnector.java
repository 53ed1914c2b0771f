package org.schoolgate.channels;

import io.smallrye.faulttolerance.api.Guard;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Retries transient failures of idempotent calls with jittered back-off (SmallRye Fault
 * Tolerance). Never retries auth, permission or rate-limit failures (no retry storms), and never
 * retries reply or publish, which are not idempotent on the platform (publish has its journal).
 */
final class ResilientConnector implements ChannelConnector {

    static final Guard RETRY_TRANSIENT = Guard.create()
            .withRetry().maxRetries(3).delay(300, ChronoUnit.MILLIS).jitter(200, ChronoUnit.MILLIS)
            .whenException(e -> e instanceof ChannelException ce && ce.kind() == ChannelException.Kind.TRANSIENT)
            .done().build();

    private final ChannelConnector inner;

    ResilientConnector(ChannelConnector inner) {
        this.inner = inner;
    }

    @SuppressWarnings("unchecked")
    private static <T> T retry(Supplier<T> call) {
        return (T) RETRY_TRANSIENT.get((Supplier<Object>) (Supplier<?>) call, Object.class);
    }

    public Platform platform() {
        return inner.platform();
    }

    public Capabilities capabilities() {
        return inner.capabilities();
    }

    public Slice<PlatformPost> listPosts(Instant since, Optional<String> cursor) {
        return retry(() -> inner.listPosts(since, cursor));
    }

    public Slice<PlatformComment> listComments(String postId, Instant watermark, Optional<String> cursor) {
        return retry(() -> inner.listComments(postId, watermark, cursor));
    }

    public void setHidden(String commentId, boolean hidden) {
        retry(() -> {
            inner.setHidden(commentId, hidden);
            return Boolean.TRUE;
        });
    }

    public void deleteComment(String commentId) {
        retry(() -> {
            inner.deleteComment(commentId);
            return Boolean.TRUE;
        });
    }

    /** Deleting is idempotent on the platform (a second delete answers "not found"), so it is retried. */
    public void deletePost(String postId) {
        retry(() -> {
            inner.deletePost(postId);
            return Boolean.TRUE;
        });
    }

    public String reply(String commentId, String text) {
        return inner.reply(commentId, text);
    }

    public PublishedPost publish(OutgoingPost post) {
        return inner.publish(post);
    }

    public ChannelHealth health() {
        return retry(inner::health);
    }
}
