package org.schoolgate.review;

/** What a person did to a review item. Each is recorded ({@link ReviewAction}) and audited. */
public enum ReviewActionType {
    NOTE("note", "Added a note"),
    ESCALATED("escalated", "Escalated"),
    HIDDEN("hidden", "Hid the comment"),
    UNHIDDEN("unhidden", "Made the comment visible again"),
    DELETED("deleted", "Deleted the comment"),
    REPLIED("replied", "Replied officially"),
    LETTER("letter", "Wrote a removal letter"),
    EVIDENCE_CAPTURED("evidence-captured", "Captured the evidence"),
    DISMISSED("dismissed", "Dismissed (false positive)"),
    CLOSED("closed", "Closed");

    private final String id;
    private final String label;

    ReviewActionType(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }
}
