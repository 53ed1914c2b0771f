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
}
