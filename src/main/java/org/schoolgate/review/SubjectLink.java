package org.schoolgate.review;

import java.util.Optional;

/**
 * A feature that owns a kind of review subject (a post, a comment, a channel) tells the queue where the
 * subject's own page is, so an item links to the place where it can be dealt with. Each bean answers only
 * for the subject types it owns and returns empty for the rest.
 */
public interface SubjectLink {

    Optional<Link> link(ReviewItem item);

    /** @param label the link's text, e.g. "Open the post" */
    record Link(String href, String label) {
    }
}
