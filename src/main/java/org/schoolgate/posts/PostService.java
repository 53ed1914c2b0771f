package org.schoolgate.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.channels.Channel;
import org.schoolgate.consent.Pupil;
import org.schoolgate.posts.PostChecks.Step;

/**
 * The post workflow (SPEC §2.1): draft → submit → a colleague's sign-off → the headteacher's approval →
 * publishing (by {@link PublishService}). Every step runs the rules ({@link ApprovalRules}) and, from
 * submit on, the checks ({@link PostChecks}); every step is written to the post's history and audited.
 */
@ApplicationScoped
public class PostService {

    /** What the office sets on a draft besides its pictures. */
    public record Draft(String caption, Collection<Long> channelIds, Instant scheduledAt) {
    }

    @Inject
    Clock clock;

    @Inject
    PostChecks checks;

    @Inject
    PostsConfig config;

    @Inject
    Event<AuditableEvent> events;

    @Inject
    PostReviewItems reviewItems;

    // ---- reading ----

    /** The post of this school, or 404: another school's posts do not exist for the caller. */
    @Transactional
    public Post get(long schoolId, long postId) {
        Post p = Post.findById(postId);
        if (p == null || p.schoolId != schoolId) {
            throw new NotFoundException("No such post");
        }
        return p;
    }

    @Transactional
    public List<PostImage> images(long postId) {
        return PostImage.list("postId = ?1 order by position", postId);
    }

    @Transactional
    public List<PostTarget> targets(long postId) {
        return PostTarget.list("postId = ?1 order by channelId", postId);
    }

    @Transactional
    public List<PostEvent> history(long postId) {
        return PostEvent.list("postId = ?1 order by at, id", postId);
    }

    /** After a lost race (the row version refused the second commit): who got there first, from the history. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String whoActedFirst(long schoolId, long postId) {
        Post p = get(schoolId, postId);
        PostEvent last = PostEvent.find("postId = ?1 order by at desc, id desc", p.id).firstResult();
        return (last == null ? "Someone" : last.actorName) + " acted on this post first ("
                + (last == null ? "a change" : last.action.replace('-', ' ') + " at " + PostTimes.time(last.at))
                + "); it is now " + p.statusWords() + ".";
    }

    /** The checks as they stand now, without changing anything. */
    @Transactional
    public CheckReport checkNow(long schoolId, long postId) {
        Post p = get(schoolId, postId);
        return checks.check(p, images(p.id), targets(p.id), Step.VIEW, Instant.now(clock));
    }

    @Transactional
    public PostImageData imageData(long schoolId, long postId, long imageId) {
        PostImage i = image(schoolId, postId, imageId);
        return PostImageData.findById(i.id);
    }

    // ---- drafting ----

    @Transactional
    public Post create(long schoolId, Who who, Draft draft) {
        Decision d = who.roles().contains("office") ? Decision.allow() : Decision.refused("Only office staff write posts");
        if (!d.allowed()) {
            throw StepRefused.rule(d);
        }
        Instant now = Instant.now(clock);
        Post p = new Post();
        p.schoolId = schoolId;
        p.authorId = who.id();
        p.authorEmail = who.email();
        p.authorName = who.name();
        p.caption = caption(draft.caption());
        p.scheduledAt = draft.scheduledAt();
        p.createdAt = now;
        p.updatedAt = now;
        p.contentHash = "";
        p.persist();
        setChannels(p, draft.channelIds());
        p.contentHash = hash(p);
        step(p, who, "drafted", "Draft started" + channelWords(p), false,
                new PostEvents.PostDrafted(schoolId, p.id, p.excerpt()));
        return p;
    }

    /** Caption, channels and schedule. A change after submission voids the sign-off (see {@link #changed}). */
    @Transactional(dontRollbackOn = StepRefused.class)
    public Post update(long schoolId, long postId, Who who, Draft draft) {
        Post p = editable(schoolId, postId, who);
        List<String> what = new ArrayList<>();
        String caption = caption(draft.caption());
        if (!caption.equals(p.caption)) {
            p.caption = caption;
            what.add("caption");
        }
        if (!java.util.Objects.equals(p.scheduledAt, draft.scheduledAt())) {
            p.scheduledAt = draft.scheduledAt();
            what.add("schedule");
        }
        if (!channelIds(p.id).equals(new TreeSet<>(draft.channelIds()))) {
            setChannels(p, draft.channelIds());
            what.add("channels");
        }
        if (!what.isEmpty()) {
            changed(p, who, "Changed the " + String.join(", ", what));
        }
        return p;
    }

    @Transactional(dontRollbackOn = StepRefused.class)
    public PostImage addImage(long schoolId, long postId, Who who, byte[] upload) {
        Post p = editable(schoolId, postId, who);
        long count = PostImage.count("postId", p.id);
        if (count >= PostChecks.MAX_IMAGES) {
            throw new BadRequestException("A post takes at most " + PostChecks.MAX_IMAGES + " pictures");
        }
        ImageSanitizer.Sanitized clean;
        try {
            clean = new ImageSanitizer(config.imageLimits()).sanitize(upload);
        } catch (ImageRejected e) {
            throw new BadRequestException(e.getMessage());
        }
        Integer last = PostImage.getEntityManager()
                .createQuery("select max(position) from PostImage where postId = :p", Integer.class)
                .setParameter("p", p.id).getSingleResult();
        PostImage i = new PostImage();
        i.schoolId = schoolId;
        i.postId = p.id;
        i.position = last == null ? 1 : last + 1;
        i.sha256 = clean.sha256();
        i.mediaType = clean.mediaType();
        i.width = clean.width();
        i.height = clean.height();
        i.sizeBytes = clean.bytes().length;
        i.createdAt = Instant.now(clock);
        i.persist();
        PostImageData data = new PostImageData();
        data.imageId = i.id;
        data.bytes = clean.bytes();
        data.persist();
        changed(p, who, "Added picture " + i.position + " (" + i.width + " × " + i.height + ", metadata removed)");
        return i;
    }

    @Transactional(dontRollbackOn = StepRefused.class)
    public void removeImage(long schoolId, long postId, long imageId, Who who) {
        Post p = editable(schoolId, postId, who);
        PostImage i = image(schoolId, postId, imageId);
        PostImageData.deleteById(i.id);
        i.delete();
        changed(p, who, "Removed picture " + i.position);
    }

    /** Who is on a picture: the pupils tagged, or the declaration that no pupil can be identified. */
    @Transactional(dontRollbackOn = StepRefused.class)
    public PostImage tag(long schoolId, long postId, long imageId, Who who, Collection<Long> pupilIds,
                         boolean noIdentifiablePupils) {
        Post p = editable(schoolId, postId, who);
        PostImage i = image(schoolId, postId, imageId);
        SortedSet<Long> ids = new TreeSet<>(pupilIds == null ? List.of() : pupilIds);
        if (noIdentifiablePupils && !ids.isEmpty()) {
            throw new BadRequestException("Either tag the pupils shown or declare that no pupil can be identified, "
                    + "not both");
        }
        if (!ids.isEmpty() && Pupil.count("schoolId = ?1 and id in ?2", schoolId, ids) != ids.size()) {
            throw new BadRequestException("A tagged pupil is not on this school's roll");
        }
        if (ids.equals(i.pupilIds) && noIdentifiablePupils == i.noIdentifiablePupils) {
            return i;
        }
        i.pupilIds.clear();
        i.pupilIds.addAll(ids);
        i.noIdentifiablePupils = noIdentifiablePupils;
        String names = noIdentifiablePupils ? "no identifiable pupils" : ids.isEmpty() ? "no tags"
                : String.join(", ", Pupil.<Pupil>list("id in ?1 order by surname, firstName", ids).stream()
                .map(Pupil::displayName).toList());
        changed(p, who, "Picture " + i.position + ": " + names);
        return i;
    }

    // ---- the workflow ----

    @Transactional(dontRollbackOn = StepRefused.class)
    public Post submit(long schoolId, long postId, Who who) {
        Post p = get(schoolId, postId);
        stale(p, null, PostStatus.DRAFT);
        refuseUnless(ApprovalRules.maySubmit(p.facts(), who.actor()));
        CheckReport report = run(p, Step.SUBMIT);
        if (!report.allowed()) {
            blocked(p, who, "Submission refused", report, false);
            throw StepRefused.checks(report);
        }
        Instant now = Instant.now(clock);
        p.status = PostStatus.AWAITING_SIGN_OFF;
        p.submittedAt = now;
        p.rejectedReason = null;
        p.rejectedByName = null;
        p.rejectedAt = null;
        p.blockedReason = null;
        p.updatedAt = now;
        step(p, who, "submitted", "Checks passed; waiting for a colleague's sign-off", false,
                new PostEvents.PostSubmitted(schoolId, p.id, "content " + shortHash(p.contentHash)));
        return p;
    }

    /** {@code hashSeen} is the content hash of the version the colleague read. */
    @Transactional(dontRollbackOn = StepRefused.class)
    public Post signOff(long schoolId, long postId, Who who, String hashSeen) {
        Post p = get(schoolId, postId);
        stale(p, null, PostStatus.AWAITING_SIGN_OFF);
        refuseUnless(ApprovalRules.maySignOff(p.facts(), who.actor(), hashSeen));
        CheckReport report = run(p, Step.SIGN_OFF);
        if (!report.allowed()) {
            blocked(p, who, "Sign-off refused", report, true);
            throw StepRefused.checks(report);
        }
        Instant now = Instant.now(clock);
        p.signedOffBy = who.id();
        p.signedOffByName = who.name();
        p.signedOffHash = p.contentHash;
        p.signedOffAt = now;
        p.status = PostStatus.AWAITING_APPROVAL;
        p.updatedAt = now;
        step(p, who, "signed-off", "Read and agreed (content " + shortHash(p.contentHash) + ")", false,
                new PostEvents.PostSignedOff(schoolId, p.id, "content " + shortHash(p.contentHash)));
        reviewItems.awaitingApproval(p, signOffRound(p.id));
        return p;
    }

    /**
     * {@code seenVersion} is the version the headteacher looked at: if someone acted in between, the answer
     * is 409 naming who and what; a true race is settled by the row version (one commit wins).
     */
    @Transactional(dontRollbackOn = StepRefused.class)
    public Post approve(long schoolId, long postId, Who who, Long seenVersion) {
        Post p = get(schoolId, postId);
        stale(p, seenVersion, PostStatus.AWAITING_APPROVAL);
        refuseUnless(ApprovalRules.mayApprove(p.facts(), who.actor()));
        CheckReport report = run(p, Step.APPROVAL);
        if (!report.allowed()) {
            blocked(p, who, "Approval refused", report, true);
            throw StepRefused.checks(report);
        }
        Instant now = Instant.now(clock);
        p.status = PostStatus.APPROVED;
        p.approvedBy = who.id();
        p.approvedByName = who.name();
        p.approvedHash = p.contentHash;
        p.approvedAt = now;
        p.publishAttempts = 0;
        p.nextAttemptAt = null;
        p.lastPublishError = null;
        p.updatedAt = now;
        step(p, who, "approved", p.scheduledAt == null ? "Approved: it goes out now"
                        : "Approved: it goes out at the scheduled time", false,
                new PostEvents.PostApproved(schoolId, p.id, "content " + shortHash(p.contentHash)));
        flush();
        reviewItems.approvalDone(p, signOffRound(p.id), who.email(), "approved");
        return p;
    }

    @Transactional
    public Post reject(long schoolId, long postId, Who who, String reason, Long seenVersion) {
        Post p = get(schoolId, postId);
        stale(p, seenVersion, PostStatus.AWAITING_APPROVAL, PostStatus.AWAITING_SIGN_OFF);
        refuseUnless(ApprovalRules.mayReject(p.facts(), who.actor()));
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("Say why, so the author can put it right");
        }
        if (reason.length() > 2000) {
            throw new BadRequestException("Keep the reason under 2,000 characters");
        }
        Instant now = Instant.now(clock);
        boolean wasAwaitingApproval = p.status == PostStatus.AWAITING_APPROVAL;
        p.status = PostStatus.DRAFT;
        p.rejectedByName = who.name();
        p.rejectedReason = reason.strip();
        p.rejectedAt = now;
        clearSignOff(p);
        p.updatedAt = now;
        step(p, who, "rejected", "Sent back to the author: " + p.rejectedReason, false,
                new PostEvents.PostRejected(schoolId, p.id, p.rejectedReason));
        flush();
        if (wasAwaitingApproval) {
            reviewItems.approvalDone(p, signOffRound(p.id), who.email(), "rejected");
        }
        return p;
    }

    /** After a failed publication: back to the job, which checks everything again first. */
    @Transactional
    public Post retryPublishing(long schoolId, long postId, Who who) {
        Post p = get(schoolId, postId);
        stale(p, null, PostStatus.PUBLISH_FAILED);
        refuseUnless(ApprovalRules.mayRetryPublishing(p.facts(), who.actor()));
        p.status = PostStatus.APPROVED;
        p.publishAttempts = 0;
        p.nextAttemptAt = null;
        p.updatedAt = Instant.now(clock);
        step(p, who, "publish-retried", "Publishing restarted", false,
                new PostEvents.PostRetried(schoolId, p.id, p.lastPublishError == null ? "" : p.lastPublishError));
        return p;
    }

    // ---- shared by the workflow, the publishing job and the retro-sweep ----

    CheckReport run(Post p, Step step) {
        return checks.check(p, images(p.id), targets(p.id), step, Instant.now(clock));
    }

    /**
     * A check refused a step. At submit the post stays a draft; later steps (and publishing) block it,
     * so nothing moves until the author has put it right.
     */
    void blocked(Post p, Who who, String what, CheckReport report, boolean block) {
        Instant now = Instant.now(clock);
        if (block) {
            p.status = PostStatus.BLOCKED;
            p.blockedReason = report.summary();
            p.blockedAt = now;
            p.updatedAt = now;
        }
        step(p, who, "blocked", what + ": " + report.summary(), report.consentBlocked(),
                new PostEvents.PostBlocked(p.schoolId, p.id, what + ": " + report.summary(),
                        who == Who.SYSTEM ? "system" : null));
    }

    void step(Post p, Who who, String action, String detail, boolean consentBlocked, AuditableEvent event) {
        PostEvent e = new PostEvent();
        e.schoolId = p.schoolId;
        e.postId = p.id;
        e.at = Instant.now(clock);
        e.actorEmail = who.email();
        e.actorName = who.name();
        e.action = action;
        e.detail = detail.length() > 4000 ? detail.substring(0, 3997) + "…" : detail;
        e.consentBlocked = consentBlocked;
        e.persist();
        events.fire(event);
    }

    /** The content changed: new hash; a signed-off or approved post needs a new sign-off, and checks again. */
    private void changed(Post p, Who who, String what) {
        String before = p.contentHash;
        p.contentHash = hash(p);
        p.updatedAt = Instant.now(clock);
        step(p, who, "edited", what, false, new PostEvents.PostEdited(p.schoolId, p.id, what));
        if (before.equals(p.contentHash)) {
            return;
        }
        PostStatus was = p.status;
        if (p.signedOffBy != null) {
            step(p, who, "sign-off-voided", "The sign-off by " + p.signedOffByName + " no longer covers the content: "
                    + "a colleague must read and agree it again", false,
                    new PostEvents.PostSignOffVoided(p.schoolId, p.id, "signed by " + p.signedOffByName));
            if (was == PostStatus.AWAITING_APPROVAL) {
                flush();
                reviewItems.approvalDone(p, signOffRound(p.id), who.email(), "voided by an edit");
            }
            clearSignOff(p);
        }
        p.status = ApprovalRules.afterEdit(was);
        if (was == PostStatus.BLOCKED) {
            p.blockedReason = null;
            p.blockedAt = null;
        }
        if (p.status == PostStatus.AWAITING_SIGN_OFF) {
            CheckReport report = run(p, Step.SUBMIT);
            if (!report.allowed()) {
                p.status = PostStatus.DRAFT;
                blocked(p, who, "Back to draft after the edit", report, false);
            }
        }
    }

    private void clearSignOff(Post p) {
        p.signedOffBy = null;
        p.signedOffByName = null;
        p.signedOffHash = null;
        p.signedOffAt = null;
        p.approvedBy = null;
        p.approvedByName = null;
        p.approvedHash = null;
        p.approvedAt = null;
    }

    private Post editable(long schoolId, long postId, Who who) {
        Post p = get(schoolId, postId);
        refuseUnless(ApprovalRules.mayEdit(new ApprovalRules.PostFacts(PostStatus.DRAFT, p.authorId, p.contentHash,
                null, null), who.actor()));
        stale(p, null, PostStatus.DRAFT, PostStatus.AWAITING_SIGN_OFF, PostStatus.AWAITING_APPROVAL,
                PostStatus.APPROVED, PostStatus.BLOCKED);
        return p;
    }

    private PostImage image(long schoolId, long postId, long imageId) {
        PostImage i = PostImage.findById(imageId);
        if (i == null || i.schoolId != schoolId || i.postId != postId) {
            throw new NotFoundException("No such picture");
        }
        return i;
    }

    /**
     * Someone else acted first when the post is no longer the version the person saw, or no longer in the
     * state the step needs: 409, naming who did what and when.
     */
    private void stale(Post p, Long seenVersion, PostStatus... expected) {
        boolean moved = seenVersion != null && seenVersion != p.version;
        if (moved || !java.util.Arrays.asList(expected).contains(p.status)) {
            PostEvent last = PostEvent.find("postId = ?1 order by at desc, id desc", p.id).firstResult();
            String who = last == null ? "Someone" : last.actorName;
            String what = last == null ? "changed it" : last.action.replace('-', ' ');
            String when = PostTimes.time(last == null ? p.updatedAt : last.at);
            throw StepRefused.conflict(moved
                    ? who + " acted on this post first (" + what + " at " + when + "); it is now " + p.statusWords() + "."
                    : "This post is " + p.statusWords() + " (last step: " + what + " by " + who + ", " + when + ").");
        }
        // the row version settles a true race: the second commit fails with 409
        Post.getEntityManager().lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    private static void refuseUnless(Decision d) {
        if (!d.allowed()) {
            throw StepRefused.rule(d);
        }
    }

    private void setChannels(Post p, Collection<Long> channelIds) {
        Set<Long> wanted = new LinkedHashSet<>(channelIds == null ? List.of() : channelIds);
        for (long id : wanted) {
            Channel c = Channel.findById(id);
            if (c == null || c.schoolId != p.schoolId) {
                throw new BadRequestException("Channel " + id + " is not one of this school's");
            }
        }
        PostTarget.delete("postId = ?1 and channelId not in ?2", p.id, wanted.isEmpty() ? List.of(-1L) : wanted);
        Set<Long> have = channelIds(p.id);
        for (long id : wanted) {
            if (!have.contains(id)) {
                PostTarget t = new PostTarget();
                t.schoolId = p.schoolId;
                t.postId = p.id;
                t.channelId = id;
                t.idempotencyKey = PostTarget.keyFor(p.id, id);
                t.persist();
            }
        }
    }

    private SortedSet<Long> channelIds(long postId) {
        return new TreeSet<>(PostTarget.<PostTarget>list("postId", postId).stream().map(t -> t.channelId).toList());
    }

    String hash(Post p) {
        List<ContentHash.Image> imgs = images(p.id).stream().map(PostImage::forHash).toList();
        return ContentHash.of(p.caption, imgs, channelIds(p.id), p.scheduledAt);
    }

    private String channelWords(Post p) {
        List<String> names = targets(p.id).stream().map(t -> Channel.<Channel>findById(t.channelId))
                .map(c -> c.name).toList();
        return names.isEmpty() ? "" : " for " + String.join(" and ", names);
    }

    private long signOffRound(long postId) {
        return PostEvent.count("postId = ?1 and action = 'signed-off'", postId);
    }

    private static String caption(String caption) {
        String c = caption == null ? "" : caption.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (c.length() > 10_000) {
            throw new BadRequestException("The caption is far too long");
        }
        return c;
    }

    static String shortHash(String hash) {
        return hash == null || hash.length() < 12 ? String.valueOf(hash) : hash.substring(0, 12);
    }

    private static void flush() {
        Post.getEntityManager().flush();
    }
}
