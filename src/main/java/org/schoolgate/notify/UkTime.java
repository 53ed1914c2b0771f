package org.schoolgate.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as a UK reader expects them: "21 Nov 2026 02:13", school time. */
final class UkTime {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private UkTime() {
    }

    static String of(Instant t) {
        return t == null ? "unknown" : FORMAT.format(t.atZone(LONDON));
    }
}
