package org.schoolgate.moderation.scan;

/** A run's counters as the scan thread keeps them; written to {@link ScanRun} with every batch. */
final class ScanProgress {

    int channelsDone;
    int channelsFailed;
    long commentsRead;
    long commentsNew;
    int flagged;
    int hidden;

    ScanProgress copy() {
        ScanProgress p = new ScanProgress();
        p.channelsDone = channelsDone;
        p.channelsFailed = channelsFailed;
        p.commentsRead = commentsRead;
        p.commentsNew = commentsNew;
        p.flagged = flagged;
        p.hidden = hidden;
        return p;
    }
}
