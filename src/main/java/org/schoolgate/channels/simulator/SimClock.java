package org.schoolgate.channels.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulator's own clock: tests move it forward to expire tokens and run down rate-limit windows. */
public final class SimClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public SimClock(Clock base) {
        this.base = base;
    }

    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
