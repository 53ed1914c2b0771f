package org.schoolgate.channels;

import java.util.List;
import java.util.Objects;

/**
 * What to publish: a caption, one or more images, and a key that makes a retry safe (the same key
 * never produces a second copy on the platform).
 */
public record OutgoingPost(String idempotencyKey, String caption, List<Image> images) {

    public record Image(String fileName, String contentType, byte[] bytes) {
    }

    public OutgoingPost {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        caption = caption == null ? "" : caption;
        images = List.copyOf(images);
    }
}
