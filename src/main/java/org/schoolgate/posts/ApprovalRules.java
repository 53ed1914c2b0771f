package org.schoolgate.posts;

import java.util.Locale;
import java.util.Set;

/**
 * Separation of duties (Sissinghurst §5, Tenax §5): the author never signs off or approves their own
 * post, the sign-off covers the exact content it was given for, and approval needs a third person.
 *
 * <p>Who counts as a colleague for a sign-off: anyone on the school's staff who reads posts as part of
 * their work (roles staff, office, headteacher, dsl). The IT admin and governors are not asked to agree
 * content (SPEC §1: the admin cannot approve posts; governors only read reports).
 */
public final class ApprovalRules {

    /** Roles whose holders may sign off a colleague's post. */
    public static final Set<String> SIGN_OFF_ROLES = Set.of("staff", "office", "headteacher", "dsl");

    /** The person acting: their id, name and roles. */
    public record Actor(long id, String name, Set<String> roles) {
        boolean has(String role) {
            return roles.contains(role);
        }

        boolean colleague() {
            return roles.stream().anyMatch(SIGN_OFF_ROLES::contains);
        }
    }

    /** What the rules need to know of a post. */
    public record PostFacts(PostStatus status, long authorId, String contentHash, Long signedOffBy,
                            String signedOffHash) {
    }

    private ApprovalRules() {
    }

    /** Only the author (office) works on their draft, and only until it is published. */
    public static Decision mayEdit(PostFacts post, Actor actor) {
        if (!actor.has("office")) {
            return Decision.refused("Only office staff edit drafts");
        }
        if (actor.id() != post.authorId()) {
            return Decision.refused("Only the author edits this post; ask them, or write a new one");
        }
        return switch (post.status()) {
            case DRAFT, AWAITING_SIGN_OFF, AWAITING_APPROVAL, APPROVED, BLOCKED -> Decision.allow();
            default -> Decision.refused("A " + words(post.status()) + " post can no longer be edited");
        };
    }

    public static Decision maySubmit(PostFacts post, Actor actor) {
        if (actor.id() != post.authorId()) {
            return Decision.refused("Only the author submits this post");
        }
        if (post.status() != PostStatus.DRAFT) {
            return Decision.refused("This post is " + words(post.status()) + ", not a draft");
        }
        return Decision.allow();
    }

    public static Decision maySignOff(PostFacts post, Actor actor, String hashSeen) {
        if (!actor.colleague()) {
            return Decision.refused("Signing off needs a colleague's role (staff, office, headteacher or DSL)");
        }
        if (actor.id() == post.authorId()) {
            return Decision.refused("You wrote this post: a different colleague must read and agree it");
        }
        if (post.status() != PostStatus.AWAITING_SIGN_OFF) {
            return Decision.refused("This post is " + words(post.status()) + ", not waiting for a sign-off");
        }
        if (hashSeen == null || !post.contentHash().equals(hashSeen)) {
            return Decision.refused("The post was changed while you were reading it: read it again before you agree");
        }
        return Decision.allow();
    }

    public static Decision mayApprove(PostFacts post, Actor actor) {
        if (!actor.has("headteacher")) {
            return Decision.refused("Only the headteacher approves posts");
        }
        if (actor.id() == post.authorId()) {
            return Decision.refused("You wrote this post: the headteacher cannot approve their own post");
        }
        if (post.status() != PostStatus.AWAITING_APPROVAL) {
            return Decision.refused("This post is " + words(post.status()) + ", not waiting for approval");
        }
        if (post.signedOffBy() == null || !post.contentHash().equals(post.signedOffHash())) {
            return Decision.refused("The sign-off does not cover the current content: it needs a colleague's sign-off again");
        }
        if (post.signedOffBy() == actor.id()) {
            return Decision.refused("You signed this post off: approval needs a different person");
        }
        return Decision.allow();
    }

    public static Decision mayReject(PostFacts post, Actor actor) {
        if (!actor.has("headteacher")) {
            return Decision.refused("Only the headteacher rejects posts");
        }
        if (post.status() != PostStatus.AWAITING_APPROVAL && post.status() != PostStatus.AWAITING_SIGN_OFF) {
            return Decision.refused("This post is " + words(post.status()) + " and cannot be rejected");
        }
        return Decision.allow();
    }

    /** Taking a post down is a safeguarding decision: the headteacher or the DSL. */
    public static Decision mayTakeDown(Actor actor, boolean anythingLive) {
        if (!actor.has("headteacher") && !actor.has("dsl")) {
            return Decision.refused("Only the headteacher or the DSL takes posts down");
        }
        if (!anythingLive) {
            return Decision.refused("Nothing of this post is live on any channel");
        }
        return Decision.allow();
    }

    public static Decision mayRetryPublishing(PostFacts post, Actor actor) {
        if (!actor.has("headteacher")) {
            return Decision.refused("Only the headteacher restarts publishing");
        }
        if (post.status() != PostStatus.PUBLISH_FAILED) {
            return Decision.refused("This post is " + words(post.status()) + "; only a failed publication is retried");
        }
        return Decision.allow();
    }

    /** After an edit: a signed-off or approved post goes back to waiting for a sign-off. */
    public static PostStatus afterEdit(PostStatus status) {
        return switch (status) {
            case AWAITING_APPROVAL, APPROVED -> PostStatus.AWAITING_SIGN_OFF;
            case BLOCKED -> PostStatus.DRAFT;
            default -> status;
        };
    }

    static String words(PostStatus s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
