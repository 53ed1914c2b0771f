package org.schoolgate.notify;

import org.schoolgate.audit.AuditableEvent;

public final class NotifyEvents {

    private NotifyEvents() {
    }

    /** An e-mail could not be sent after every attempt: recorded, audited and shown to the admin. */
    public record MailFailed(Long schoolId, long messageId, MailKind kind, String recipient, int attempts, String error)
            implements AuditableEvent {
        public String action() { return "mail.failed"; }
        public String subjectType() { return "mail"; }
        public String subjectId() { return Long.toString(messageId); }
        public String details() { return kind + " to " + recipient + " failed " + attempts + " times: " + error; }
    }

    /** A morning digest was queued for a school's headteachers and DSLs. */
    public record DigestQueued(Long schoolId, int newItems, int recipients) implements AuditableEvent {
        public String action() { return "mail.digest-queued"; }
        public String subjectType() { return "school"; }
        public String subjectId() { return Long.toString(schoolId); }
        public String details() { return newItems + " new item(s), " + recipients + " recipient(s)"; }
    }
}
