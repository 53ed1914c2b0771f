package org.schoolgate.posts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How posts' times read on pages and in messages: school time (Europe/London). */
public final class PostTimes {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private PostTimes() {
    }

    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(SCHOOL_ZONE));
    }

    /** For a {@code datetime-local} field. */
    public static String inputValue(Instant at) {
        return at == null ? "" : INPUT.format(at.atZone(SCHOOL_ZONE));
    }

    /** From a {@code datetime-local} field, read as school time; blank is "no schedule". */
    public static Instant fromInput(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(text.strip()).atZone(SCHOOL_ZONE).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new jakarta.ws.rs.BadRequestException("The scheduled time is not a date and time");
        }
    }
}
