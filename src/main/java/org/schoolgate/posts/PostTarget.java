package org.schoolgate.posts;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A post on one channel: where publishing has got to. {@link #attemptStartedAt} is written (and
 * committed) before the platform is called, so after a crash or a timeout we know an attempt may have
 * reached the platform and reconcile by listing the channel before any retry.
 */
@Entity
public class PostTarget extends PanacheEntity {

    public enum Status { PENDING, PUBLISHED, TAKEN_DOWN }

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long postId;

    @Column(nullable = false)
    public long channelId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PENDING;

    /** The same key for every attempt on this channel: the connector's journal never publishes it twice. */
    @Column(nullable = false)
    public String idempotencyKey;

    public String platformPostId;

    public String permalink;

    @Column(nullable = false)
    public int attempts;

    /** An attempt whose outcome we did not record yet (null when none is outstanding). */
    public Instant attemptStartedAt;

    public Instant publishedAt;

    /** Found by listing the channel after an attempt whose answer was lost (timeout, crash). */
    @Column(nullable = false)
    public boolean reconciled;

    public String lastError;

    public Instant takenDownAt;

    @Version
    public long version;

    static String keyFor(long postId, long channelId) {
        return "schoolgate-post-" + postId + "-channel-" + channelId;
    }
}
