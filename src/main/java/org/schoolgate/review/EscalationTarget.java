package org.schoolgate.review;

/** Where a concern goes (SPEC §2.5; Bledington E, Sissinghurst §5). */
public enum EscalationTarget {
    DSL("the designated safeguarding lead", "Safeguarding concern for the DSL"),
    POLICE("the police", "Reported to the police (threats, racism)"),
    LADO("the LADO", "Allegation against staff for the LADO"),
    COMPLAINTS("the complaints procedure", "Passed to the complaints procedure");

    private final String to;
    private final String label;

    EscalationTarget(String to, String label) {
        this.to = to;
        this.label = label;
    }

    /** e.g. "the police", for sentences: "Escalated to the police". */
    public String to() {
        return to;
    }

    public String label() {
        return label;
    }
}
