package org.schoolgate.review;

import org.schoolgate.audit.AuditableEvent;

public final class ReviewEvents {

    private ReviewEvents() {
    }

    public record ReviewItemRaised(Long schoolId, long itemId, String kind, String severity, String summary)
            implements AuditableEvent {
        public String action() { return "review.raised"; }
        public String subjectType() { return "review-item"; }
        public String subjectId() { return Long.toString(itemId); }
        public String details() { return kind + " (" + severity + "): " + summary; }
    }

    public record ReviewItemResolved(Long schoolId, long itemId, String resolution, String note)
            implements AuditableEvent {
        public String action() { return "review.resolved"; }
        public String subjectType() { return "review-item"; }
        public String subjectId() { return Long.toString(itemId); }
        public String details() { return resolution + (note == null || note.isBlank() ? "" : ": " + note); }
    }

    /** Something done to an item or its subject: a note, hide, unhide, delete, reply, letter, evidence capture. */
    public record ReviewItemActed(Long schoolId, long itemId, String type, String detail) implements AuditableEvent {
        public String action() { return "review." + type; }
        public String subjectType() { return "review-item"; }
        public String subjectId() { return Long.toString(itemId); }
        public String details() { return detail == null ? "" : detail; }
    }

    public record ReviewItemEscalated(Long schoolId, long itemId, long escalationId, EscalationTarget target,
                                      String reason, String reference, String escalatedBy) implements AuditableEvent {
        public String action() { return "review.escalated"; }
        public String subjectType() { return "review-item"; }
        public String subjectId() { return Long.toString(itemId); }
        public String details() {
            return "to " + target.to() + ": " + reason + (reference == null ? "" : " (reference " + reference + ")");
        }
    }
}
