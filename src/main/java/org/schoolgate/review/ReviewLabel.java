package org.schoolgate.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * What a person's decision says about an item's subject, for retraining the classifier: abusive when it was
 * hidden, deleted or escalated; not abusive when it was dismissed as a false positive. The newest decision counts.
 */
@Entity
public class ReviewLabel extends PanacheEntityBase {

    @Id
    public long itemId;

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public boolean abusive;

    /** The action that decided it, e.g. "dismissed", "hidden", "escalated". */
    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String decidedBy;

    @Column(nullable = false)
    public Instant decidedAt;
}
