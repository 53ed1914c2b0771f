package org.schoolgate.moderation.scan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the scan API shows (never a token, never another school's rows). */
public final class ScanViews {

    private ScanViews() {
    }

    public record RunView(long id, String trigger, String requestedBy, LocalDate night, Instant asOf, Instant startedAt,
                          Instant finishedAt, String status, boolean running, int channelsTotal, int channelsDone,
                          int channelsFailed, long commentsRead, long commentsNew, int flagged, int hidden,
                          String error) {
        static RunView of(ScanRun r) {
            return new RunView(r.id, r.trigger.name(), r.requestedBy, r.night, r.asOf, r.startedAt, r.finishedAt,
                    r.status.name(), r.isRunning(), r.channelsTotal, r.channelsDone, r.channelsFailed, r.commentsRead,
                    r.commentsNew, r.flagged, r.hidden, r.error);
        }
    }

    public record Overview(RunView running, List<RunView> runs, List<ChannelScanView> channels) {
    }

    public record EvidenceView(long id, String sha256, boolean verified, Instant capturedAt, String capturedBy,
                               String recordJson) {
    }

    public record CommentView(long id, long channelId, String platformCommentId, String platformPostId,
                              String parentPlatformId, String authorPlatformId, String authorName, String text,
                              Instant textPurgedAt, Instant createdAt, Instant capturedAt, String permalink,
                              boolean hidden, double abusive, List<String> categories, String severity,
                              String modelVersion, String why, boolean flagged, Long reviewItemId,
                              Instant autoHiddenAt, String hideProblem, EvidenceView evidence) {
        static CommentView of(ScannedComment c, EvidenceView evidence) {
            return new CommentView(c.id, c.channelId, c.platformCommentId, c.platformPostId, c.parentPlatformId,
                    c.authorPlatformId, c.authorName, c.text, c.textPurgedAt, c.createdAt, c.capturedAt, c.permalink,
                    c.hidden, c.abusive, c.categoryList().stream().map(x -> x.id()).toList(), c.severity.id(),
                    c.modelVersion, c.why, c.flagged, c.reviewItemId, c.autoHiddenAt, c.hideProblem, evidence);
        }
    }
}
