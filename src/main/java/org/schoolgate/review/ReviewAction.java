package org.schoolgate.review;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One thing a person did to an item, in order. Append-only (a trigger refuses changes). */
@Entity
@Immutable
public class ReviewAction extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long itemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewActionType type;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant occurredAt;

    public String detail;
}
