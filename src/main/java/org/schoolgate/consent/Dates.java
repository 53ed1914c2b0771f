package org.schoolgate.consent;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/** Dates as UK schools write them: "31/08/2026" in files, "31 August 2026" in sentences. */
final class Dates {

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK_DASH = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK_DOT = DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    static String words(LocalDate d) {
        return d == null ? "" : d.format(WORDS);
    }

    /**
     * ISO (2026-08-31, also with a time part as some exports add "T00:00:00"), or day first
     * (31/08/2026, 31-08-2026, 31.08.2026). Empty text is no date; anything else is an error.
     */
    static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        int time = t.indexOf('T') > 0 ? t.indexOf('T') : t.indexOf(' ');
        if (time > 0) {
            t = t.substring(0, time);
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE, UK, UK_DASH, UK_DOT}) {
            try {
                return Optional.of(LocalDate.parse(t, f));
            } catch (DateTimeParseException next) {
                // try the next shape
            }
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is not a date (use dd/mm/yyyy or yyyy-mm-dd)");
    }
}
