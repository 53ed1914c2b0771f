package org.schoolgate.moderation.scan;

import java.time.Instant;
import java.util.List;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.review.Severity;

/**
 * Past-tense events of the comment scan; each is written to the audit trail in the transaction that
 * fired it. E-mail alerts observe {@link CommentFlagged} after commit. Single comments read by a scan
 * are not audited one by one (a scan reads thousands); {@link ScanFinished} carries the counts.
 */
public final class ModerationEvents {

    private ModerationEvents() {
    }

    public record ScanStarted(Long schoolId, long runId, ScanTrigger trigger, int channels) implements AuditableEvent {
        public String action() { return "scan.started"; }
        public String subjectType() { return "scan-run"; }
        public String subjectId() { return Long.toString(runId); }
        public String details() { return trigger.label() + " scan of " + channels + " channel(s)"; }
    }

    public record ScanFinished(Long schoolId, long runId, ScanStatus status, long commentsRead, long commentsNew,
                               int flagged, int hidden, String error) implements AuditableEvent {
        public String action() { return "scan.finished"; }
        public String subjectType() { return "scan-run"; }
        public String subjectId() { return Long.toString(runId); }
        public String details() {
            return status.label() + ": " + commentsRead + " comment(s) read, " + commentsNew + " new, " + flagged
                    + " flagged, " + hidden + " hidden" + (error == null ? "" : "; " + error);
        }
    }

    /**
     * A new comment was flagged: its evidence is stored and a FLAGGED_COMMENT review item raised.
     * {@code categories} are {@link org.schoolgate.moderation.Category} names, most severe first.
     */
    public record CommentFlagged(Long schoolId, long commentId, Long reviewItemId, Severity severity,
                                 List<String> categories) implements AuditableEvent {
        public String action() { return "comment.flagged"; }
        public String subjectType() { return "comment"; }
        public String subjectId() { return Long.toString(commentId); }
        public String details() { return severity.id() + ": " + String.join(", ", categories) + " (review item "
                + reviewItemId + ")"; }

        public boolean isThreat() {
            return categories.contains("THREAT");
        }
    }

    public record EvidenceCaptured(Long schoolId, long commentId, long evidenceId, String sha256, String capturedBy)
            implements AuditableEvent {
        public String action() { return "comment.evidence-captured"; }
        public String subjectType() { return "comment"; }
        public String subjectId() { return Long.toString(commentId); }
        public String details() { return "evidence " + evidenceId + " sha256 " + sha256 + " by " + capturedBy; }
    }

    /** The scan hid a comment on the platform (auto-hide), after its evidence was stored and committed. */
    public record CommentAutoHidden(Long schoolId, long commentId, long channelId, String platformCommentId,
                                    long evidenceId) implements AuditableEvent {
        public String action() { return "comment.auto-hidden"; }
        public String subjectType() { return "comment"; }
        public String subjectId() { return Long.toString(commentId); }
        public String details() { return "hidden on channel " + channelId + " (platform id " + platformCommentId
                + "); evidence " + evidenceId + " was stored first"; }
    }

    /** Auto-hide was due but did not happen: the platform refused or the channel cannot hide. Left for review. */
    public record CommentAutoHideFailed(Long schoolId, long commentId, long channelId, String problem)
            implements AuditableEvent {
        public String action() { return "comment.auto-hide-failed"; }
        public String subjectType() { return "comment"; }
        public String subjectId() { return Long.toString(commentId); }
        public String details() { return problem; }
    }

    /** The retention job purged the text and author name of unflagged comments captured before the cut-off. */
    public record UnflaggedTextPurged(Long schoolId, long count, Instant capturedBefore) implements AuditableEvent {
        public String action() { return "comment.text-purged"; }
        public String subjectType() { return "school"; }
        public String subjectId() { return Long.toString(schoolId); }
        public String details() { return count + " unflagged comment(s) captured before " + capturedBefore
                + ": text and author name purged"; }
    }
}
