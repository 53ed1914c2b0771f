package org.schoolgate.channels;

/** Which platform and which route to it a channel uses. */
public enum Platform {
    FACEBOOK_PAGE("Facebook Page"),
    INSTAGRAM("Instagram (professional account, Graph API)"),
    INSTAGRAM_PRIVATE("Instagram (personal account, unofficial private API)");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
