package org.schoolgate.review;

/** How urgent an item is; the queue shows the highest rank first. */
public enum Severity {
    NONE(0), LOW(1), MEDIUM(2), HIGH(3), CRITICAL(4);

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
