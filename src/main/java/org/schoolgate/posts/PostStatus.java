package org.schoolgate.posts;

/** Where a post is in its journey: draft → sign-off → approval → publish. */
public enum PostStatus {
    /** Being written; only the author (office) works on it. */
    DRAFT,
    /** Checks passed; waiting for a colleague's sign-off. */
    AWAITING_SIGN_OFF,
    /** Signed off by a colleague; waiting for the headteacher. */
    AWAITING_APPROVAL,
    /** Approved; goes out at its scheduled time (or now). */
    APPROVED,
    /** Out on every channel. */
    PUBLISHED,
    /** Publishing failed on some channel after retries; in the review queue. */
    PUBLISH_FAILED,
    /**
     * A check refused it at sign-off, approval or publish, or consent changed under it (retro-sweep): nothing
     * moves until the author puts it right (an edit makes it a draft again).
     */
    BLOCKED,
    /** Removed from the channels after publication; our record is kept. */
    TAKEN_DOWN
}
