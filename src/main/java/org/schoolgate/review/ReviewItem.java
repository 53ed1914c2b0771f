package org.schoolgate.review;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;

/** Something the headteacher or DSL must look at. Features raise items; people resolve them. */
@Entity
public class ReviewItem extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    /** Copy of {@code severity.rank()} so the database can sort the queue. */
    @Column(nullable = false)
    public short severityRank;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status = ReviewStatus.OPEN;

    /** What the item is about, e.g. ("comment", "fb:123_456"); one item per kind and subject. */
    @Column(nullable = false)
    public String subjectType;

    @Column(nullable = false)
    public String subjectId;

    /** The channel concerned, for the queue's channel filter (null when none). */
    public Long channelId;

    @Column(nullable = false)
    public String summary;

    public String detail;

    @Column(nullable = false)
    public Instant createdAt;

    public String resolvedBy;

    public Instant resolvedAt;

    public String resolution;

    public String resolutionNote;

    /** When someone first acted on the item (the report's response time); null until then. */
    public Instant firstActionAt;

    /** The newest action's {@link ReviewActionType#id()}, who took it and when: the loser of a race is told. */
    public String lastAction;

    public String lastActionBy;

    public Instant lastActionAt;

    @Version
    public long version;

    @PrePersist
    @PreUpdate
    void rank() {
        severityRank = (short) severity.rank();
    }

    public boolean isOpen() {
        return status == ReviewStatus.OPEN;
    }
}
