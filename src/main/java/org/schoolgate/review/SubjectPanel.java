package org.schoolgate.review;

import java.util.Optional;

/**
 * A feature that owns a kind of review subject may show it, with its own actions, inside the review item's
 * page (a busy headteacher deals with a flagged comment without leaving the item). Each bean answers only for
 * the subject types it owns. The HTML comes from the feature's own Qute template, which escapes every
 * untrusted text; the review page inserts it as it is.
 */
public interface SubjectPanel {

    Optional<String> panel(ReviewItem item);
}
