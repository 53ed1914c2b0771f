package org.schoolgate.review;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A concern passed to the DSL (a safeguarding record), the police, the LADO or the complaints procedure.
 * Never changed or removed (a trigger refuses it); a later development is a note on the item.
 */
@Entity
@Immutable
public class Escalation extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long itemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationTarget target;

    @Column(nullable = false)
    public String reason;

    /** e.g. the police incident number or the LADO's reference, when there is one. */
    public String reference;

    @Column(nullable = false)
    public String escalatedBy;

    @Column(nullable = false)
    public Instant escalatedAt;
}
