package org.schoolgate.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The posts feature's figures for the governors' report, over {@code [from, to)}. Implemented by the posts
 * feature; the report depends on this port, not on posts' tables.
 */
public interface PostFigures {

    Figures between(long schoolId, Instant from, Instant to);

    /**
     * @param published          posts published to at least one channel in the range
     * @param blockedByConsent   posts whose submit, sign-off, approval or publish was blocked by a consent check
     * @param medianToSignOff    median time from submission to a colleague's (valid) sign-off; empty when none
     * @param medianToApproval   median time from sign-off to the headteacher's approval; empty when none
     */
    record Figures(long published, long blockedByConsent, Optional<Duration> medianToSignOff,
                   Optional<Duration> medianToApproval) {
    }
}
