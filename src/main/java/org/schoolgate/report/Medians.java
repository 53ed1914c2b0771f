package org.schoolgate.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The median of durations (the mean of the two middle ones for an even count); empty for none. */
public final class Medians {

    private Medians() {
    }

    public static Optional<Duration> of(List<Duration> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
    }
}
