package org.schoolgate.moderation;

/** What a comment was flagged for (SPEC §2.4); {@link #OK} when nothing fired. */
public enum Category {
    THREAT("threat"),
    HATE("hate"),
    ABUSE("abuse"),
    ALLEGATION("allegation"),
    PERSONAL_DATA("personal-data"),
    SEXUAL("sexual"),
    COMPLAINT("complaint"),
    SPAM("spam"),
    /** Not English (or not a script the model knows): a person must look, the model cannot judge it. */
    UNJUDGED_LANGUAGE("unjudged-language"),
    OK("ok");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The name used in the API and in pages. */
    public String id() {
        return id;
    }
}
