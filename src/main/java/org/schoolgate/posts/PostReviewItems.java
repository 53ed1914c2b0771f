package org.schoolgate.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.schoolgate.review.NewReviewItem;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewService;
import org.schoolgate.review.ReviewStatus;
import org.schoolgate.review.Severity;

/**
 * The posts feature's items in the review queue. Subject ids start with the post id ("12:…"), so
 * {@link PostSubjectLink} links every one of them to the post's page; the rest makes each item unique
 * (the queue raises an item once per kind and subject, for ever).
 */
@ApplicationScoped
public class PostReviewItems {

    static final String SUBJECT = "post";

    @Inject
    ReviewService review;

    /** A colleague signed the post off: it waits for the headteacher (one item per sign-off round). */
    void awaitingApproval(Post p, long round) {
        review.raise(new NewReviewItem(p.schoolId, ReviewKind.POST_APPROVAL, Severity.LOW, SUBJECT,
                p.id + ":approval " + round, null, "Post awaiting approval: " + p.excerpt(),
                "Written by " + p.authorName + ", signed off by " + p.signedOffByName
                        + (p.scheduledAt == null ? "; to go out as soon as it is approved"
                        : "; scheduled for " + PostTimes.time(p.scheduledAt)) + "."));
    }

    /** Approved, rejected, or voided by an edit: the approval item is done. */
    void approvalDone(Post p, long round, String by, String how) {
        resolveOpen(p.schoolId, ReviewKind.POST_APPROVAL, p.id + ":approval " + round, by, how);
    }

    /** The retro-sweep: a live post shows a pupil whose consent ended. */
    boolean consentConflict(Post p, String key, String summary, String detail) {
        return review.raise(new NewReviewItem(p.schoolId, ReviewKind.CONSENT_CONFLICT, Severity.HIGH, SUBJECT,
                p.id + ":" + key, null, summary, detail)).isPresent();
    }

    /** The last check before publishing refused the post. */
    void blockedAtPublish(Post p, long attempt, String reasons) {
        review.raise(new NewReviewItem(p.schoolId, ReviewKind.CONSENT_CONFLICT, Severity.MEDIUM, SUBJECT,
                p.id + ":blocked at publish " + attempt, null, "Approved post stopped before publishing: "
                + p.excerpt(), "The last check before publishing refused it: " + reasons
                + ". It is blocked until the author puts it right."));
    }

    void publishFailed(Post p, Long channelId, long round, String detail) {
        review.raise(new NewReviewItem(p.schoolId, ReviewKind.CHANNEL_PROBLEM, Severity.HIGH, SUBJECT,
                p.id + ":publish failed " + round, channelId, "Post could not be published: " + p.excerpt(), detail));
    }

    /** After a take-down the post's open consent conflicts are dealt with. */
    void takenDown(Post p, String by) {
        for (ReviewItem item : ReviewItem.<ReviewItem>list("schoolId = ?1 and kind = ?2 and subjectType = ?3"
                + " and subjectId like ?4 and status = ?5", p.schoolId, ReviewKind.CONSENT_CONFLICT, SUBJECT,
                p.id + ":%", ReviewStatus.OPEN)) {
            review.resolve(p.schoolId, item.id, item.version, by, "taken down", "The post was taken down from its channels.");
        }
    }

    private void resolveOpen(long schoolId, ReviewKind kind, String subjectId, String by, String how) {
        List<ReviewItem> open = ReviewItem.list("schoolId = ?1 and kind = ?2 and subjectType = ?3 and subjectId = ?4"
                + " and status = ?5", schoolId, kind, SUBJECT, subjectId, ReviewStatus.OPEN);
        for (ReviewItem item : open) {
            review.resolve(schoolId, item.id, item.version, by, how, null);
        }
    }
}
