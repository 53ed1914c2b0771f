package org.schoolgate.posts;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A post on its way from the office's draft to the school's channels. The content (caption, pictures
 * with their tags, channels, schedule) is fingerprinted in {@link #contentHash}; a sign-off and an
 * approval are bound to the hash they were given for.
 */
@Entity
public class Post extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long authorId;

    @Column(nullable = false)
    public String authorEmail;

    @Column(nullable = false)
    public String authorName;

    @Column(nullable = false)
    public String caption = "";

    /** When it should go out; null means as soon as it is approved. */
    public Instant scheduledAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostStatus status = PostStatus.DRAFT;

    @Column(nullable = false)
    public String contentHash;

    public Instant submittedAt;

    public Long signedOffBy;
    public String signedOffByName;
    public String signedOffHash;
    public Instant signedOffAt;

    public Long approvedBy;
    public String approvedByName;
    public String approvedHash;
    public Instant approvedAt;

    public String rejectedByName;
    public String rejectedReason;
    public Instant rejectedAt;

    /** Why nothing moves: a failed check at sign-off, approval or publish, or the retro-sweep. */
    public String blockedReason;
    public Instant blockedAt;

    @Column(nullable = false)
    public int publishAttempts;
    public Instant nextAttemptAt;
    public String lastPublishError;

    public Instant publishedAt;

    public Instant takenDownAt;
    public String takenDownByName;
    public String takeDownReason;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    ApprovalRules.PostFacts facts() {
        return new ApprovalRules.PostFacts(status, authorId, contentHash, signedOffBy, signedOffHash);
    }

    /** Signed off for exactly the current content. */
    public boolean signOffValid() {
        return signedOffBy != null && contentHash.equals(signedOffHash);
    }

    public String statusWords() {
        return ApprovalRules.words(status);
    }

    /** The caption's first line, shortened for lists. */
    public String excerpt() {
        String first = caption.strip().lines().findFirst().orElse("");
        return first.isEmpty() ? "(no caption yet)" : first.length() > 90 ? first.substring(0, 87) + "…" : first;
    }
}
