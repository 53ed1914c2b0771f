package org.schoolgate.posts;

import java.time.Duration;

/**
 * How long to wait before the next publishing attempt, and when to stop and ask a person: the first
 * wait, then four times longer each time up to a ceiling; after the last attempt the post becomes a
 * failed publication with a review item.
 */
public final class PublishRetryPolicy {

    private final Duration first;
    private final Duration max;
    private final int attempts;

    public PublishRetryPolicy(Duration first, Duration max, int attempts) {
        this.first = first;
        this.max = max;
        this.attempts = attempts;
    }

    /** The wait after the {@code failed}-th failed attempt (1-based). */
    public Duration delayAfter(int failed) {
        Duration d = first;
        for (int i = 1; i < failed && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(4);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** True when {@code failed} attempts are all the policy allows. */
    public boolean exhausted(int failed) {
        return failed >= attempts;
    }
}
