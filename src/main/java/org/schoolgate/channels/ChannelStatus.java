package org.schoolgate.channels;

public enum ChannelStatus {
    /** Registered, waiting for the headteacher's approval. */
    PENDING("Awaiting approval"),
    ACTIVE("Active"),
    /** The token expired or was revoked: an admin must reconnect it. Not polled meanwhile. */
    NEEDS_RECONNECT("Needs reconnecting"),
    SUSPENDED("Suspended");

    private final String label;

    ChannelStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
