package org.schoolgate.moderation.actions;

import org.schoolgate.audit.AuditableEvent;

/** Evidence access (the audit side of the chain of custody). Hide, delete, reply and letters are review actions. */
public final class CommentActionEvents {

    private CommentActionEvents() {
    }

    public record EvidenceViewed(Long schoolId, long commentId, long evidenceId, String how) implements AuditableEvent {
        public String action() { return "evidence.viewed"; }
        public String subjectType() { return "comment"; }
        public String subjectId() { return Long.toString(commentId); }
        public String details() { return "evidence " + evidenceId + " viewed (" + how + ")"; }
    }

    public record EvidenceExported(Long schoolId, long commentId, long evidenceId, String sha256)
            implements AuditableEvent {
        public String action() { return "evidence.exported"; }
        public String subjectType() { return "comment"; }
        public String subjectId() { return Long.toString(commentId); }
        public String details() { return "evidence " + evidenceId + " exported as a PDF evidence pack (record sha256 " + sha256 + ")"; }
    }
}
