package org.schoolgate.moderation.scan;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.quartz.CronExpression;

/**
 * Is a nightly cron DST-safe? Quartz skips a local time that does not exist (a cron at 01:30 never
 * fires on the night the clocks go forward) and fires a repeated one once. This walks a cron's fire
 * times in the school's zone and names the nights it would miss or fire twice; the default 02:00 has
 * none. Quartz's own {@link CronExpression} decides, so the answer is what the scheduler will do.
 */
public final class NightlyScheduleCheck {

    private NightlyScheduleCheck() {
    }

    /** Local dates from {@code from} (inclusive) to {@code to} (exclusive) with their number of fires. */
    public static Map<LocalDate, Integer> firesPerNight(String cron, ZoneId zone, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> nights = new TreeMap<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            nights.put(d, 0);
        }
        for (Instant fire : fires(cron, zone, from, to)) {
            nights.merge(LocalDate.ofInstant(fire, zone), 1, Integer::sum);
        }
        return nights;
    }

    /** Fire instants in [from, to) local dates. */
    public static List<Instant> fires(String cron, ZoneId zone, LocalDate from, LocalDate to) {
        CronExpression e = parse(cron);
        e.setTimeZone(TimeZone.getTimeZone(zone));
        List<Instant> out = new ArrayList<>();
        Date end = Date.from(to.atStartOfDay(zone).toInstant());
        Date d = Date.from(from.atStartOfDay(zone).toInstant().minusSeconds(1));
        while ((d = e.getNextValidTimeAfter(d)) != null && d.before(end)) {
            out.add(d.toInstant());
        }
        return out;
    }

    /**
     * For a cron that fires (nearly) every day: the nights in the coming year on which it would not fire
     * once, in words; empty for a DST-safe cron, "off", or a cron that is not daily.
     */
    public static List<String> problems(String cron, ZoneId zone, LocalDate today) {
        if (cron == null || cron.isBlank() || cron.trim().equalsIgnoreCase("off")
                || cron.trim().equalsIgnoreCase("disabled")) {
            return List.of();
        }
        Map<LocalDate, Integer> nights = firesPerNight(cron, zone, today, today.plusDays(366));
        long firing = nights.values().stream().filter(n -> n > 0).count();
        if (firing < nights.size() - 7) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        nights.forEach((night, n) -> {
            if (n != 1) {
                problems.add(night + ": " + (n == 0 ? "no scan (the time does not exist that night)" : n + " fires"));
            }
        });
        return problems;
    }

    private static CronExpression parse(String cron) {
        try {
            return new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a Quartz cron expression: " + cron, e);
        }
    }
}
