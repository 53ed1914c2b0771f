package org.schoolgate.moderation.scan;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * What Schoolgate captured of a comment before anyone hid or deleted it (SPEC §2.5, Sandford §2.8.3):
 * the canonical JSON of the comment, its author as shown, its times and permalink, the post, the
 * capture time and the verdict, and the SHA-256 of that JSON. Never changed or deleted: Hibernate
 * treats it as immutable and a database trigger refuses updates and deletes.
 */
@Entity
@Immutable
public class EvidenceRecord extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    /** The {@link ScannedComment}; at most one record per comment. */
    @Column(nullable = false)
    public long commentId;

    @Column(nullable = false)
    public long channelId;

    /** The canonical JSON that was hashed (keys sorted, UTF-8). */
    @Column(nullable = false)
    public String recordJson;

    /** Lower-case hex SHA-256 of {@code recordJson}'s UTF-8 bytes. */
    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public Instant capturedAt;

    /** "scan", or the e-mail of the person who captured it. */
    @Column(nullable = false)
    public String capturedBy;
}
