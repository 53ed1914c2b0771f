package org.schoolgate.moderation.actions;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A letter asking the author of a comment to remove it (Bledington E), exactly as it was written. Append-only. */
@Entity
@Immutable
public class RemovalLetter extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long commentId;

    @Column(nullable = false)
    public long itemId;

    @Column(nullable = false)
    public String addressee;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String writtenBy;

    @Column(nullable = false)
    public Instant writtenAt;
}
