package org.schoolgate.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.schoolgate.channels.Channel;
import org.schoolgate.consent.ConsentEvents;
import org.schoolgate.consent.Pupil;

/**
 * The retro-sweep (SPEC §2.3): when a pupil's consent is withdrawn or expires, or the pupil leaves, every
 * live post showing them becomes a high-severity consent conflict with a one-click take-down, and every
 * pending post showing them is blocked. Runs in the consent change's own transaction, so a withdrawal is
 * never recorded without its sweep. Only the purposes the post's channels need count (an Instagram
 * withdrawal does not touch a Facebook-only post).
 */
@ApplicationScoped
public class RetroSweep {

    static final Set<PostStatus> PENDING = EnumSet.of(PostStatus.DRAFT, PostStatus.AWAITING_SIGN_OFF,
            PostStatus.AWAITING_APPROVAL, PostStatus.APPROVED, PostStatus.PUBLISH_FAILED);

    /** What the sweep did: conflicts raised (live posts) and posts blocked (pending ones). */
    public record Swept(List<Long> conflicts, List<Long> blocked) {
    }

    @Inject
    PostService posts;

    @Inject
    PostReviewItems items;

    void withdrawn(@Observes ConsentEvents.ConsentWithdrawn e) {
        sweep(e.schoolId(), e.pupilId(), Set.of(e.purpose()), "withdrew " + e.purpose() + " consent (by "
                + e.withdrawnBy() + ", " + PostTimes.time(e.withdrawnAt()) + ")", e.purpose() + " withdrawn v" + e.version());
    }

    void expired(@Observes ConsentEvents.ConsentExpired e) {
        sweep(e.schoolId(), e.pupilId(), Set.of(e.purpose()), "has no " + e.purpose() + " consent any more (it "
                + "expired after " + e.lastDay() + ")", e.purpose() + " expired v" + e.version());
    }

    void left(@Observes ConsentEvents.PupilLeft e) {
        sweep(e.schoolId(), e.pupilId(), null, "left the school (last day " + e.leavingDate() + ")", "left");
    }

    /** @param purposes the purposes that ended, or null for all (the pupil left) */
    Swept sweep(long schoolId, long pupilId, Set<String> purposes, String what, String key) {
        List<Long> postIds = Post.getEntityManager().createQuery("select distinct i.postId from PostImage i"
                        + " join i.pupilIds pid where i.schoolId = :school and pid = :pupil order by i.postId", Long.class)
                .setParameter("school", schoolId).setParameter("pupil", pupilId).getResultList();
        Pupil pupil = Pupil.findById(pupilId);
        String name = pupil == null ? "Pupil " + pupilId : pupil.displayName();
        List<Long> conflicts = new ArrayList<>();
        List<Long> blocked = new ArrayList<>();
        for (long postId : postIds) {
            Post p = Post.findById(postId);
            List<PostTarget> targets = posts.targets(postId);
            List<PostTarget> affected = targets.stream().filter(t -> affects(t, purposes)).toList();
            if (affected.isEmpty() || p.status == PostStatus.TAKEN_DOWN) {
                continue;
            }
            List<String> live = new ArrayList<>();
            for (PostTarget t : affected) {
                if (t.status == PostTarget.Status.PUBLISHED) {
                    live.add(channelName(t) + (t.permalink == null ? "" : " (" + t.permalink + ")"));
                }
            }
            if (!live.isEmpty()) {
                String summary = "Live post shows " + name + ", who " + what;
                if (items.consentConflict(p, "pupil " + pupilId + " " + key, summary,
                        "The post “" + p.excerpt() + "” is live on " + String.join(", ", live) + ". Open the post "
                                + "and take it down (one click); Schoolgate keeps its record.")) {
                    posts.step(p, Who.SYSTEM, "consent-conflict", summary + "; live on " + String.join(", ", live),
                            true, new PostEvents.PostConsentConflict(schoolId, p.id, summary));
                    conflicts.add(postId);
                }
            }
            if (PENDING.contains(p.status)) {
                boolean awaitingApproval = p.status == PostStatus.AWAITING_APPROVAL;
                CheckReport why = new CheckReport(List.of(new CheckReport.Problem(CheckReport.Kind.CONSENT,
                        name + " " + what + ": remove or re-tag the picture(s) showing them")), List.of());
                posts.blocked(p, Who.SYSTEM, "Blocked by a consent change", why, true);
                if (awaitingApproval) {
                    Post.getEntityManager().flush();
                    items.approvalDone(p, PostEvent.count("postId = ?1 and action = 'signed-off'", p.id), "system",
                            "blocked by a consent change");
                }
                blocked.add(postId);
            }
        }
        return new Swept(conflicts, blocked);
    }

    private static boolean affects(PostTarget t, Set<String> purposes) {
        if (purposes == null) {
            return true;
        }
        Channel c = Channel.findById(t.channelId);
        return c != null && purposes.contains(PostChecks.purposeOf(c.platform));
    }

    private static String channelName(PostTarget t) {
        Channel c = Channel.findById(t.channelId);
        return c == null ? "channel " + t.channelId : c.name;
    }
}
