package org.schoolgate.moderation.scan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;

/**
 * A post that scanned comments were left on, as the platform showed it when first read: the context
 * shown next to a comment and kept in its evidence. One row per channel and platform post id.
 */
@Entity
public class ScannedPost extends PanacheEntityBase {

    /** Assigned by the database: the scan writes posts in bulk with "insert … on conflict do nothing". */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long channelId;

    @Column(nullable = false)
    public String platformPostId;

    /** The caption or message; empty for a photo-only post. */
    public String text;

    public String permalink;

    /** When it was posted (platform time). */
    public Instant createdAt;

    @Column(nullable = false)
    public Instant capturedAt;

    public static Optional<ScannedPost> find(long channelId, String platformPostId) {
        return find("channelId = ?1 and platformPostId = ?2", channelId, platformPostId).firstResultOptional();
    }
}
