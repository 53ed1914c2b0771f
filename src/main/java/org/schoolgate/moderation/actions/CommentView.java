package org.schoolgate.moderation.actions;

import java.util.List;
import java.util.Optional;
import org.schoolgate.moderation.scan.EvidenceRecord;
import org.schoolgate.moderation.scan.ScannedComment;
import org.schoolgate.moderation.scan.ScannedPost;
import org.schoolgate.review.ReviewItem;

/**
 * A flagged comment in its context, as the headteacher deals with it: the post, the thread, the verdict,
 * the author's earlier flagged comments, the evidence, what was done, and the escalations the policy suggests.
 */
public record CommentView(ScannedComment comment, String channelName, boolean channelCanHide, boolean channelCanDelete,
                          boolean channelCanReply, Optional<ScannedPost> post, List<ScannedComment> thread,
                          List<ScannedComment> earlierFlagged, Optional<EvidenceRecord> evidence, ReviewItem item,
                          boolean deleted, List<EscalationPolicy.Suggestion> suggestions) {

    public String categoryNames() {
        return String.join(", ", comment.categoryList().stream().map(c -> c.id()).toList());
    }

    public String abusivePercent() {
        return Math.round(comment.abusive * 100) + " %";
    }
}
