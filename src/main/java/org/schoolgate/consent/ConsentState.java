package org.schoolgate.consent;

/** What a consent version says. Only {@link #GRANTED} (and not past its expiry) lets a pupil appear. */
public enum ConsentState {
    GRANTED("Given"),
    REFUSED("Refused"),
    WITHDRAWN("Withdrawn"),
    EXPIRED("Expired");

    private final String label;

    ConsentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
