package org.schoolgate.channels;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A comment or reply. The author is optional because the platform omits it without the right
 * permission; {@code parentId} is empty for a top-level comment.
 */
public record PlatformComment(String id, String postId, Optional<String> parentId, Optional<Author> author,
                              String text, Instant createdAt, boolean hidden, boolean canHide,
                              Optional<URI> permalink) {

    /** The commenter as the platform shows them: a platform-scoped id and a display or user name. */
    public record Author(String platformScopedId, String displayName) {
    }

    public PlatformComment {
        text = text == null ? "" : text;
    }
}
