package org.schoolgate.moderation.scan;

import java.net.URI;
import java.util.Optional;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;

/**
 * Where a comment can be seen. The platform's own permalink when it gives one; otherwise Facebook's
 * documented form {@code <post permalink>?comment_id=<n>} (replies add {@code reply_comment_id}); an
 * Instagram comment has no address of its own, so it is the post's.
 */
final class CommentPermalinks {

    private CommentPermalinks() {
    }

    static Optional<String> of(Platform platform, PlatformPost post, PlatformComment c) {
        if (c.permalink().isPresent()) {
            return c.permalink().map(URI::toString);
        }
        Optional<String> postLink = post.permalink().map(URI::toString);
        if (postLink.isEmpty() || platform != Platform.FACEBOOK_PAGE) {
            return postLink;
        }
        String base = postLink.get() + (postLink.get().contains("?") ? "&" : "?");
        return Optional.of(c.parentId()
                .map(parent -> base + "comment_id=" + local(parent) + "&reply_comment_id=" + local(c.id()))
                .orElse(base + "comment_id=" + local(c.id())));
    }

    /** Graph comment ids are "{post}_{comment}"; the permalink takes the comment part. */
    private static String local(String id) {
        int at = id.indexOf('_');
        return at < 0 ? id : id.substring(at + 1);
    }
}
