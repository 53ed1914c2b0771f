package org.schoolgate.channels;

/** Official accounts are run by the school; monitored ones (e.g. the parents' association page) are read-only. */
public enum ChannelKind {
    OFFICIAL("Official (run by the school)"),
    MONITORED("Monitored (read-only)");

    private final String label;

    ChannelKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
