package org.schoolgate.moderation.scan;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One scan of a school's channels, nightly or on demand, with its progress. The scan thread writes
 * progress with conditional updates ({@code status = 'RUNNING'}), so a run another instance declared
 * abandoned stops instead of carrying on beside its successor.
 */
@Entity
public class ScanRun extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScanTrigger trigger;

    /** "scheduler" for the nightly run, else the e-mail of who started it. */
    @Column(nullable = false)
    public String requestedBy;

    /** The school night (Europe/London date) of a nightly run: one nightly run per school and night. */
    public LocalDate night;

    /** The instant the run scans up to: the scheduled fire time, or when it was asked for. */
    @Column(nullable = false)
    public Instant asOf;

    @Column(nullable = false)
    public Instant startedAt;

    public Instant finishedAt;

    @Column(nullable = false)
    public Instant lastProgressAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScanStatus status;

    public int channelsTotal;

    public int channelsDone;

    public int channelsFailed;

    public long commentsRead;

    public long commentsNew;

    public int flagged;

    public int hidden;

    /** What went wrong, per channel, in words (never a token). */
    public String error;

    public boolean isRunning() {
        return status == ScanStatus.RUNNING;
    }
}
