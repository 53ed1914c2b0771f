package org.schoolgate.posts;

import org.schoolgate.audit.AuditableEvent;

/**
 * Past-tense events of the posts feature; each is written to the audit trail (AuditLog) in the same
 * transaction as the step, and mirrored in the post's own history ({@link PostEvent}).
 */
public final class PostEvents {

    private PostEvents() {
    }

    /** Every post event is about one post. */
    public interface PostStep extends AuditableEvent {
        long postId();

        default String subjectType() {
            return "post";
        }

        default String subjectId() {
            return Long.toString(postId());
        }
    }

    public record PostDrafted(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.drafted"; }
    }

    /** Caption, channels, schedule, a picture or its tags changed. */
    public record PostEdited(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.edited"; }
    }

    public record PostSubmitted(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.submitted"; }
    }

    /** A check refused a step (submit, sign-off, approval, publish) or the retro-sweep stopped the post. */
    public record PostBlocked(Long schoolId, long postId, String details, String actor) implements PostStep {
        public String action() { return "post.blocked"; }
    }

    public record PostSignedOff(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.signed-off"; }
    }

    /** An edit after the sign-off: the colleague agreed to other content. */
    public record PostSignOffVoided(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.sign-off-voided"; }
    }

    public record PostApproved(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.approved"; }
    }

    public record PostRejected(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.rejected"; }
    }

    /** Out on one channel (or found there by reconciliation after a lost answer). */
    public record PostPublishedToChannel(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.published-to-channel"; }
        public String actor() { return "system"; }
    }

    public record PostPublished(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.published"; }
        public String actor() { return "system"; }
    }

    public record PostPublishAttemptFailed(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.publish-attempt-failed"; }
        public String actor() { return "system"; }
    }

    public record PostPublishFailed(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.publish-failed"; }
        public String actor() { return "system"; }
    }

    public record PostRetried(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.publish-retried"; }
    }

    public record PostTakenDown(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.taken-down"; }
    }

    /** The retro-sweep found a published post showing a pupil whose consent ended. */
    public record PostConsentConflict(Long schoolId, long postId, String details) implements PostStep {
        public String action() { return "post.consent-conflict"; }
        public String actor() { return "system"; }
    }
}
