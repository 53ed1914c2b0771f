package org.schoolgate.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.time.ZoneId;

/** A school of the trust. Every feature record carries the id of the school it belongs to. */
@Entity
public class School extends PanacheEntity {

    @Column(nullable = false)
    public String name;

    /** Unique Reference Number from Get Information about Schools. */
    public String urn;

    @Column(nullable = false)
    public String timezone = "Europe/London";

    @Column(nullable = false)
    public Instant createdAt = Instant.now();

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
