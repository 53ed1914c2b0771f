package org.schoolgate.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** A purpose a school added beyond the built-in ones (e.g. "prospectus", "newsletter"). */
@Entity
public class ConsentPurpose extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public Instant createdAt;
}
