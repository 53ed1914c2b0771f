package org.schoolgate.moderation.scan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * How far the comment scan of one channel has got. The watermark moves only after a channel's sweep
 * completed; a sweep that stopped leaves it where it was, so the next run re-reads from there and the
 * unique platform comment id makes the re-read harmless.
 */
@Entity
public class ChannelScanState extends PanacheEntityBase {

    @Id
    public Long channelId;

    @Column(nullable = false)
    public long schoolId;

    /** Comments created before this (less the overlap) have been read; null = never swept. */
    public Instant commentWatermark;

    public Long lastRunId;

    public Instant lastCompletedAt;

    public Instant lastAttemptAt;

    /** Why the last sweep stopped, in words; null when it completed. */
    public String lastProblem;

    @Version
    public long version;
}
