package org.schoolgate.audit;

/**
 * A past-tense domain event that belongs in the audit trail. Features fire their own event records
 * implementing this; {@link AuditLog} observes them in the same transaction.
 */
public interface AuditableEvent {

    /** Dotted verb, e.g. {@code post.signed-off}. */
    String action();

    /** The school the subject belongs to, or null for trust-wide events such as logins. */
    Long schoolId();

    String subjectType();

    String subjectId();

    /** Human-readable details; never a secret. */
    default String details() {
        return "";
    }

    /** Who acted, when it is not the logged-in user (a failed login names the attempted account). */
    default String actor() {
        return null;
    }
}
