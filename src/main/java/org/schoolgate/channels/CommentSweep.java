package org.schoolgate.channels;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A full comment poll: every post since {@code postsSince} (pages of 100), then every comment and
 * reply since the watermark on each post that has any (pages of 100). Posts whose comment count
 * is known to be zero cost no call, so the number of calls is the minimum the platform allows.
 */
public final class CommentSweep {

    public record Result(int posts, long comments, int postPages, int commentPages) {
        public int calls() {
            return postPages + commentPages;
        }
    }

    private CommentSweep() {
    }

    public static Result sweep(ChannelConnector connector, Instant postsSince, Instant watermark,
                               Consumer<PlatformComment> sink) {
        int posts = 0;
        long comments = 0;
        int postPages = 0;
        int commentPages = 0;
        Optional<String> cursor = Optional.empty();
        do {
            Slice<PlatformPost> page = connector.listPosts(postsSince, cursor);
            postPages++;
            for (PlatformPost post : page.items()) {
                posts++;
                if (post.commentCount() == 0) {
                    continue;
                }
                Optional<String> at = Optional.empty();
                do {
                    Slice<PlatformComment> slice = connector.listComments(post.id(), watermark, at);
                    commentPages++;
                    slice.items().forEach(sink);
                    comments += slice.items().size();
                    at = slice.nextCursor();
                } while (at.isPresent());
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return new Result(posts, comments, postPages, commentPages);
    }
}
