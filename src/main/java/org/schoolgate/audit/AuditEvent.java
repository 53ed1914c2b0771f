package org.schoolgate.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** One append-only entry of the audit trail; {@link #hash} covers its fields and its predecessor's hash. */
@Entity
public class AuditEvent extends PanacheEntityBase {

    @Id
    public long seq;

    @Column(nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    public Long schoolId;

    @Column(nullable = false)
    public String action;

    public String subjectType;

    public String subjectId;

    public String details;

    @Column(nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}
