package org.schoolgate.channels.simulator;

import java.time.Instant;
import java.util.Set;

/** A token in the simulator's registry. {@code profileId} is the Page or Instagram user it acts for. */
public final class SimToken {

    public enum Type { PAGE, USER, SYSTEM_USER, INSTAGRAM }

    final String value;
    final Type type;
    final String profileId;
    final Set<String> scopes;
    volatile Instant expiresAt;
    volatile boolean revoked;
    final Instant issuedAt;

    SimToken(String value, Type type, String profileId, Set<String> scopes, Instant expiresAt, Instant issuedAt) {
        this.value = value;
        this.type = type;
        this.profileId = profileId;
        this.scopes = Set.copyOf(scopes);
        this.expiresAt = expiresAt;
        this.issuedAt = issuedAt;
    }

    public static final Set<String> PAGE_SCOPES = Set.of("pages_show_list", "pages_read_engagement",
            "pages_read_user_content", "pages_manage_posts", "pages_manage_engagement", "instagram_basic",
            "instagram_manage_comments", "instagram_content_publish");

    boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
