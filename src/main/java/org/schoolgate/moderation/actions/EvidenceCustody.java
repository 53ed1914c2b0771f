package org.schoolgate.moderation.actions;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One link of an evidence record's chain of custody: who viewed or exported it, when. Append-only. */
@Entity
@Immutable
public class EvidenceCustody extends PanacheEntity {

    public enum Action { VIEWED, EXPORTED }

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long evidenceId;

    @Column(nullable = false)
    public long commentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant occurredAt;

    /** e.g. "web page", "API", "PDF evidence pack". */
    public String detail;
}
