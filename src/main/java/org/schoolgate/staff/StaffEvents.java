package org.schoolgate.staff;

import org.schoolgate.audit.AuditableEvent;

/** Past-tense events of the staff feature; each is written to the audit trail. */
public final class StaffEvents {

    private StaffEvents() {
    }

    public record LoginSucceeded(String email, String address) implements AuditableEvent {
        public String action() { return "login.succeeded"; }
        public Long schoolId() { return null; }
        public String subjectType() { return "staff-user"; }
        public String subjectId() { return email; }
        public String details() { return "from " + address; }
        public String actor() { return email; }
    }

    public record LoginFailed(String attemptedEmail, String address, String reason) implements AuditableEvent {
        public String action() { return "login.failed"; }
        public Long schoolId() { return null; }
        public String subjectType() { return "staff-user"; }
        public String subjectId() { return attemptedEmail; }
        public String details() { return reason + " from " + address; }
        public String actor() { return attemptedEmail.isBlank() ? "(blank)" : attemptedEmail; }
    }

    public record StaffUserCreated(Long schoolId, long userId, String email, String roles) implements AuditableEvent {
        public String action() { return "staff.created"; }
        public String subjectType() { return "staff-user"; }
        public String subjectId() { return Long.toString(userId); }
        public String details() { return email + " with roles " + roles; }
    }

    public record StaffUserChanged(Long schoolId, long userId, String change) implements AuditableEvent {
        public String action() { return "staff.changed"; }
        public String subjectType() { return "staff-user"; }
        public String subjectId() { return Long.toString(userId); }
        public String details() { return change; }
    }

    public record SchoolSaved(Long schoolId, String change) implements AuditableEvent {
        public String action() { return "school.saved"; }
        public String subjectType() { return "school"; }
        public String subjectId() { return Long.toString(schoolId); }
        public String details() { return change; }
    }
}
