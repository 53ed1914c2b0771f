package org.schoolgate.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** An uploaded MIS export, kept between the preview and apply; its content is dropped once applied. */
@Entity
public class PupilImport extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public String fileName;

    @Column(nullable = false)
    public String sha256;

    public byte[] content;

    @Column(nullable = false)
    public String uploadedBy;

    @Column(nullable = false)
    public Instant uploadedAt;

    public Instant appliedAt;

    public String summary;
}
