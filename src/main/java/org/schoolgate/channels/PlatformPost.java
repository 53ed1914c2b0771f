package org.schoolgate.channels;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A post as the platform shows it. {@code commentCount} is -1 when the platform did not say.
 * {@code text} is empty for a photo-only post.
 */
public record PlatformPost(String id, Instant createdAt, String text, Optional<URI> permalink, List<URI> media,
                           long commentCount) {

    public PlatformPost {
        text = text == null ? "" : text;
        media = List.copyOf(media);
    }
}
