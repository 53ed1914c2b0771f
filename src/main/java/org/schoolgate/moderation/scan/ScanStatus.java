package org.schoolgate.moderation.scan;

/** Where a scan run is. Only one RUNNING run per school (a unique index in the database). */
public enum ScanStatus {
    RUNNING("Running"),
    /** Every channel was swept completely and its watermark moved on. */
    COMPLETED("Completed"),
    /** Some channels were swept; others stopped (rate limit, token, platform error) and resume next run. */
    PARTIAL("Partly done"),
    /** Nothing could be swept, or the run itself failed. */
    FAILED("Failed"),
    /** The instance running it stopped (crash, restart); a later run took over from the watermarks. */
    ABANDONED("Abandoned");

    private final String label;

    ScanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
