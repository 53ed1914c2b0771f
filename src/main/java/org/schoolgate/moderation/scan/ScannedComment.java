package org.schoolgate.moderation.scan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.schoolgate.moderation.Category;
import org.schoolgate.review.Severity;

/**
 * A comment or reply read from a channel by the scan, with the classifier's verdict. One row per
 * channel and platform comment id, ever. The text and author name of an unflagged comment are
 * purged after the retention period ({@code textPurgedAt} says when); flagged comments keep them.
 */
@Entity
public class ScannedComment extends PanacheEntityBase {

    /** Assigned by the database: the scan writes comments in bulk with "insert … on conflict do nothing". */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long channelId;

    /** The platform's id of the comment (Facebook "postnum_commentnum", Instagram a number). */
    @Column(nullable = false)
    public String platformCommentId;

    @Column(nullable = false)
    public String platformPostId;

    /** The comment this one replies to; null for a top-level comment. */
    public String parentPlatformId;

    /** The commenter's platform-scoped id, as shown; null when the platform did not show it. */
    public String authorPlatformId;

    /** The commenter's name as the platform showed it; null when not shown or purged. */
    public String authorName;

    /** Null once purged (unflagged comments, after the retention period). */
    public String text;

    public Instant textPurgedAt;

    /** When it was written (platform time). */
    @Column(nullable = false)
    public Instant createdAt;

    /** When the scan read it. */
    @Column(nullable = false)
    public Instant capturedAt;

    public String permalink;

    /** Hidden on the platform, as last known (read by the scan, or set when Schoolgate hid it). */
    @Column(nullable = false)
    public boolean hidden;

    /** The model's abuse probability (0..1). */
    @Column(nullable = false)
    public double abusive;

    /** The {@link Category} names that fired, most severe first (["OK"] when nothing did); a text[] column. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> categories = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(nullable = false)
    public String modelVersion;

    /** The rules and words that fired, for the headteacher. */
    public String why;

    /** Severity above none: a review item was raised and evidence captured. */
    @Column(nullable = false)
    public boolean flagged;

    /** The FLAGGED_COMMENT review item of this comment (subject "comment", id = this id). */
    public Long reviewItemId;

    /** The scan run that first read it. */
    public Long scanRunId;

    /** When the scan hid it automatically (after its evidence was stored). */
    public Instant autoHiddenAt;

    /** Why an automatic hide did not happen (the platform refused, or the channel cannot hide). */
    public String hideProblem;

    @Version
    public long version;

    /** The comment a FLAGGED_COMMENT review item is about, within the school. */
    public static java.util.Optional<ScannedComment> forReviewItem(long schoolId, long reviewItemId) {
        return find("schoolId = ?1 and reviewItemId = ?2", schoolId, reviewItemId).firstResultOptional();
    }

    public List<Category> categoryList() {
        return categories.stream().map(Category::valueOf).toList();
    }

    public boolean has(Category c) {
        return categories.contains(c.name());
    }

    public boolean isPurged() {
        return textPurgedAt != null;
    }
}
