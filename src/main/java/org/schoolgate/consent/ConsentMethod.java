package org.schoolgate.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How consent was given or withdrawn; the evidence reference says where the proof is. */
public enum ConsentMethod {
    PAPER_FORM("Paper form"),
    MIS("MIS record"),
    PARENT_APP("Parent app"),
    EMAIL("E-mail"),
    LETTER("Letter"),
    PHONE("Phone call"),
    IN_PERSON("In person"),
    OTHER("Other");

    private final String label;

    ConsentMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the enum name, the label, or common words ("paper", "app", "form"). */
    public static Optional<ConsentMethod> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        Optional<ConsentMethod> exact = Arrays.stream(values())
                .filter(m -> m.name().toLowerCase(Locale.ROOT).replace("_", "").equals(t)
                        || m.label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").equals(t))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        if (t.contains("paper") || t.contains("form")) {
            return Optional.of(PAPER_FORM);
        }
        if (t.contains("app") || t.contains("online") || t.contains("portal")) {
            return Optional.of(PARENT_APP);
        }
        if (t.contains("mail")) {
            return Optional.of(EMAIL);
        }
        if (t.contains("sims") || t.contains("arbor") || t.contains("mis")) {
            return Optional.of(MIS);
        }
        return Optional.empty();
    }
}
