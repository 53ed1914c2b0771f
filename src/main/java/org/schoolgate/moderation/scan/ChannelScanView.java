package org.schoolgate.moderation.scan;

import java.time.Instant;
import org.schoolgate.channels.ChannelStatus;

/** A channel with where its comment scan has got (for the scan page and API). */
public record ChannelScanView(long channelId, String name, ChannelStatus status, Instant watermark,
                              Instant lastCompletedAt, Instant lastAttemptAt, String lastProblem) {
}
