package org.schoolgate.channels;

import java.net.URI;

/**
 * Instagram fetches images from a public URL while it builds a container; this puts an image
 * somewhere Meta can fetch it for a while and says where.
 */
@FunctionalInterface
public interface PublicMedia {

    URI expose(OutgoingPost.Image image);
}
