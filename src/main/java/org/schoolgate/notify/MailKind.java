package org.schoolgate.notify;

public enum MailKind {
    /** Immediately, for a threat or anything critical. */
    ALERT,
    /** Each morning, when the queue has new items. */
    DIGEST,
    /** To the DSL, when a concern is escalated to them. */
    ESCALATION
}
