package org.schoolgate.review;

/** What a review item is about (SPEC §2.5). */
public enum ReviewKind {
    POST_APPROVAL("Post awaiting approval"),
    OUT_OF_WORKFLOW_POST("Post published outside Schoolgate"),
    FLAGGED_COMMENT("Flagged comment"),
    CONSENT_CONFLICT("Consent conflict"),
    CHANNEL_PROBLEM("Channel problem");

    private final String label;

    ReviewKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
