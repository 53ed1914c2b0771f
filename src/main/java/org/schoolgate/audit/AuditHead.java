package org.schoolgate.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The single row that says where the chain ends. Appending locks it, so the chain has one order
 * across instances; comparing it with the last event detects a deleted tail.
 */
@Entity
public class AuditHead extends PanacheEntityBase {

    @Id
    public int id;

    @Column(nullable = false)
    public long lastSeq;

    @Column(nullable = false)
    public String lastHash;
}
