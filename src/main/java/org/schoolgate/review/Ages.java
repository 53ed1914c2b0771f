package org.schoolgate.review;

import java.time.Duration;
import java.time.Instant;

/** "12 min", "3 h", "2 days": how long an item has waited, as the queue shows it. */
public final class Ages {

    private Ages() {
    }

    public static String between(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h";
        }
        return d.toDays() + " days";
    }
}
