package org.schoolgate.moderation.scan;

/** Why a scan ran. */
public enum ScanTrigger {
    NIGHTLY("Nightly"),
    ON_DEMAND("On demand");

    private final String label;

    ScanTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
