package org.schoolgate.consent;

/** Who gave consent: a parent or carer, or the pupil where the school's age rule allows. */
public enum GivenBy {
    PARENT_CARER("Parent or carer"),
    PUPIL("The pupil");

    private final String label;

    GivenBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
