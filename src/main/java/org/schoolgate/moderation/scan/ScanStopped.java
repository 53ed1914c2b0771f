package org.schoolgate.moderation.scan;

/** The run is no longer RUNNING in the database (another instance declared it abandoned): stop at once. */
final class ScanStopped extends RuntimeException {

    ScanStopped(long runId) {
        super("Scan run " + runId + " is no longer running");
    }
}
