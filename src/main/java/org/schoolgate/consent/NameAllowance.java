package org.schoolgate.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How much of a pupil's name may appear with their image. Ordered from strictest to most open. */
public enum NameAllowance {
    NONE("no name", "none", "no", "no name", "noname", "n"),
    FIRST_NAME("first name only", "first", "first name", "firstname", "first_name", "forename", "f"),
    FULL_NAME("full name allowed", "full", "full name", "fullname", "full_name", "yes", "y");

    private final String words;
    private final String[] aliases;

    NameAllowance(String words, String... aliases) {
        this.words = words;
        this.aliases = aliases;
    }

    /** For sentences: "Ava Smith: first name only". */
    public String words() {
        return words;
    }

    public NameAllowance strictest(NameAllowance other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public static Optional<NameAllowance> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(t) || Arrays.asList(a.aliases).contains(t))
                .findFirst();
    }
}
