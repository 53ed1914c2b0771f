package org.schoolgate.channels;

import java.time.Duration;
import java.util.Optional;

/**
 * The one error vocabulary of every connector. The kind says what the caller should do; the
 * platform code is kept for the audit trail. Messages never contain a token.
 */
public class ChannelException extends RuntimeException {

    public enum Kind {
        /** Token expired: reconnect, do not retry. */
        AUTH_EXPIRED,
        /** Token revoked or invalid (password changed, app removed): reconnect, do not retry. */
        AUTH_REVOKED,
        /** A permission or Page task is missing: fix the configuration. */
        PERMISSION_MISSING,
        /** Throttled: wait {@link #retryAfter()} and resume. */
        RATE_LIMITED,
        /** The object is gone (treat a delete as done). */
        NOT_FOUND,
        /** The platform saw this before (e.g. duplicate post). */
        DUPLICATE,
        /** Blocked for policy reasons (spam, policy violation): stop and tell a person. */
        POLICY_BLOCKED,
        /** A temporary failure: retry with back-off. */
        TRANSIENT,
        /** Our request was wrong (a bug or an unsupported field). */
        INVALID_REQUEST;

        public boolean needsReconnect() {
            return this == AUTH_EXPIRED || this == AUTH_REVOKED || this == PERMISSION_MISSING;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final String platformCode;

    public ChannelException(Kind kind, String message, Duration retryAfter, String platformCode, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.platformCode = platformCode;
    }

    public ChannelException(Kind kind, String message) {
        this(kind, message, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** e.g. "190/463" for Graph, "login_required" for the private API. */
    public Optional<String> platformCode() {
        return Optional.ofNullable(platformCode);
    }
}
