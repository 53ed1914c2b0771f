package org.schoolgate.consent;

import java.util.List;
import java.util.Locale;

/** A channel or purpose that needs consent: a stable lower-case code and a label for people. */
public record Purpose(String code, String label, boolean builtIn) {

    public static final String FACEBOOK = "facebook";
    public static final String INSTAGRAM = "instagram";
    public static final String WEBSITE = "website";
    public static final String PRESS = "press";

    /** Every school has these; SPEC §2.3. */
    public static final List<Purpose> BUILT_IN = List.of(
            new Purpose(FACEBOOK, "Facebook", true),
            new Purpose(INSTAGRAM, "Instagram", true),
            new Purpose(WEBSITE, "Website", true),
            new Purpose(PRESS, "Press", true));

    /** Codes are lower case letters, digits and dashes: "school-prospectus". */
    public static String codeOf(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
    }
}
