package org.schoolgate.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of the governors' report for one school and date range (both days included, school time).
 */
public record GovernorsReport(String schoolName, LocalDate first, LocalDate last, PostFigures.Figures posts,
                              long commentsScanned, long commentsFlagged, Map<String, Long> flaggedByCategory,
                              Map<String, Long> itemsByKind, Map<String, Long> actionsByType,
                              Map<String, Long> escalationsByTarget, long itemsAnswered, long itemsWaiting,
                              Optional<Duration> medianResponse) {

    public long actionsTotal() {
        return actionsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public String flaggedShare() {
        return commentsScanned == 0 ? "—" : String.format("%.1f %%", 100.0 * commentsFlagged / commentsScanned);
    }

    public String medianResponseText() {
        return medianResponse.map(GovernorsReport::words).orElse("no items answered");
    }

    public Optional<String> medianToSignOff() {
        return posts.medianToSignOff().map(GovernorsReport::words);
    }

    public Optional<String> medianToApproval() {
        return posts.medianToApproval().map(GovernorsReport::words);
    }

    /** "3 h 20 min", "2 days 4 h", "12 min". */
    public static String words(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return Math.max(minutes, 0) + " min";
        }
        long hours = d.toHours();
        if (hours < 48) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return d.toDays() + " days " + (hours % 24) + " h";
    }
}
