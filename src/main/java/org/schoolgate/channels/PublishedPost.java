package org.schoolgate.channels;

import java.net.URI;
import java.util.Optional;

public record PublishedPost(String platformPostId, Optional<URI> permalink) {
}
