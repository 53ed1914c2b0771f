package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.schoolgate.posts.ApprovalRules.Actor;
import org.schoolgate.posts.ApprovalRules.PostFacts;

class ApprovalRulesTest {

    static final Actor OLIVIA_OFFICE = new Actor(1, "Olivia", Set.of("office"));
    static final Actor SAM_STAFF = new Actor(2, "Sam", Set.of("staff"));
    static final Actor HELEN_HEAD = new Actor(3, "Helen", Set.of("headteacher", "staff"));
    static final Actor HEAD_WHO_WRITES = new Actor(4, "Hattie", Set.of("headteacher", "office", "staff"));

    static PostFacts awaitingSignOff(long author) {
        return new PostFacts(PostStatus.AWAITING_SIGN_OFF, author, "h1", null, null);
    }

    static PostFacts signedOff(long author, long signer, String signedHash) {
        return new PostFacts(PostStatus.AWAITING_APPROVAL, author, "h1", signer, signedHash);
    }

    @Test
    void authorCannotSignOffOwnPost() {
        Actor authorWhoIsAlsoStaff = new Actor(1, "Olivia", Set.of("office", "staff"));
        Decision d = ApprovalRules.maySignOff(awaitingSignOff(1), authorWhoIsAlsoStaff, "h1");
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("You wrote this post");
    }

    @Test
    void aColleagueSignsOffTheContentTheyRead() {
        assertThat(ApprovalRules.maySignOff(awaitingSignOff(1), SAM_STAFF, "h1").allowed()).isTrue();
        Decision stale = ApprovalRules.maySignOff(awaitingSignOff(1), SAM_STAFF, "an-older-version");
        assertThat(stale.allowed()).isFalse();
        assertThat(stale.reason()).contains("changed while you were reading");
    }

    @Test
    void signingOffNeedsTheColleagueRole() {
        assertThat(ApprovalRules.maySignOff(awaitingSignOff(1), new Actor(9, "Gov", Set.of("governor")), "h1").allowed())
                .isFalse();
    }

    @Test
    void headteacherApprovesASignedOffPostOfSomeoneElse() {
        assertThat(ApprovalRules.mayApprove(signedOff(1, 2, "h1"), HELEN_HEAD).allowed()).isTrue();
    }

    @Test
    void authorCannotApproveOwnPostEvenAsHeadteacher() {
        Decision d = ApprovalRules.mayApprove(signedOff(4, 2, "h1"), HEAD_WHO_WRITES);
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("cannot approve their own post");
    }

    @Test
    void theSignerCannotAlsoApprove() {
        assertThat(ApprovalRules.mayApprove(signedOff(1, 3, "h1"), HELEN_HEAD).reason()).contains("You signed this post off");
    }

    @Test
    void anEditAfterSignOffVoidsIt() {
        Decision d = ApprovalRules.mayApprove(signedOff(1, 2, "h0-before-the-edit"), HELEN_HEAD);
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("does not cover the current content");
        assertThat(ApprovalRules.afterEdit(PostStatus.AWAITING_APPROVAL)).isEqualTo(PostStatus.AWAITING_SIGN_OFF);
        assertThat(ApprovalRules.afterEdit(PostStatus.APPROVED)).isEqualTo(PostStatus.AWAITING_SIGN_OFF);
        assertThat(ApprovalRules.afterEdit(PostStatus.DRAFT)).isEqualTo(PostStatus.DRAFT);
    }

    @Test
    void onlyHeadteachersApproveAndOnlyWaitingPosts() {
        assertThat(ApprovalRules.mayApprove(signedOff(1, 2, "h1"), SAM_STAFF).allowed()).isFalse();
        PostFacts published = new PostFacts(PostStatus.PUBLISHED, 1, "h1", 2L, "h1");
        assertThat(ApprovalRules.mayApprove(published, HELEN_HEAD).reason()).contains("published");
    }

    @Test
    void publishedPostsCannotBeEdited() {
        assertThat(ApprovalRules.mayEdit(new PostFacts(PostStatus.PUBLISHED, 1, "h", 2L, "h"), OLIVIA_OFFICE).allowed())
                .isFalse();
        assertThat(ApprovalRules.mayEdit(awaitingSignOff(1), OLIVIA_OFFICE).allowed()).isTrue();
        assertThat(ApprovalRules.mayEdit(awaitingSignOff(1), SAM_STAFF).allowed()).isFalse();
    }

    @Test
    void everyPartOfTheContentChangesTheHash() {
        var pupils = new TreeSet<>(List.of(5L));
        var channels = new TreeSet<>(List.of(1L, 2L));
        var image = new ContentHash.Image("abc", pupils, false);
        String base = ContentHash.of("Sports day!", List.of(image), channels, null);
        assertThat(ContentHash.of("Sports day!", List.of(image), channels, null)).isEqualTo(base);
        assertThat(ContentHash.of("Sports day.", List.of(image), channels, null)).isNotEqualTo(base);
        assertThat(ContentHash.of("Sports day!", List.of(new ContentHash.Image("abd", pupils, false)), channels, null))
                .isNotEqualTo(base);
        assertThat(ContentHash.of("Sports day!", List.of(new ContentHash.Image("abc", new TreeSet<>(List.of(6L)), false)),
                channels, null)).isNotEqualTo(base);
        assertThat(ContentHash.of("Sports day!", List.of(image), new TreeSet<>(List.of(1L)), null)).isNotEqualTo(base);
        assertThat(ContentHash.of("Sports day!", List.of(image), channels, Instant.parse("2026-12-01T09:00:00Z")))
                .isNotEqualTo(base);
    }

    @Test
    void anyColleagueMaySignOffButNotTheAdminOrAGovernor() {
        Actor officeColleague = new Actor(7, "Otto", Set.of("office"));
        Actor dsl = new Actor(8, "Dev", Set.of("dsl"));
        assertThat(ApprovalRules.maySignOff(awaitingSignOff(1), officeColleague, "h1").allowed()).isTrue();
        assertThat(ApprovalRules.maySignOff(awaitingSignOff(1), dsl, "h1").allowed()).isTrue();
        assertThat(ApprovalRules.maySignOff(awaitingSignOff(1), new Actor(9, "Alex", Set.of("admin")), "h1").reason())
                .contains("colleague's role");
    }

    @Test
    void onlyTheAuthorEditsAndSubmits() {
        Actor anotherOffice = new Actor(7, "Otto", Set.of("office"));
        assertThat(ApprovalRules.mayEdit(awaitingSignOff(1), anotherOffice).reason()).contains("Only the author");
        PostFacts draft = new PostFacts(PostStatus.DRAFT, 1, "h", null, null);
        assertThat(ApprovalRules.maySubmit(draft, OLIVIA_OFFICE).allowed()).isTrue();
        assertThat(ApprovalRules.maySubmit(draft, anotherOffice).allowed()).isFalse();
        assertThat(ApprovalRules.maySubmit(awaitingSignOff(1), OLIVIA_OFFICE).reason()).contains("not a draft");
    }

    @Test
    void aBlockedPostComesBackAsADraftWhenEdited() {
        assertThat(ApprovalRules.afterEdit(PostStatus.BLOCKED)).isEqualTo(PostStatus.DRAFT);
        assertThat(ApprovalRules.mayEdit(new PostFacts(PostStatus.BLOCKED, 1, "h", null, null), OLIVIA_OFFICE).allowed())
                .isTrue();
        assertThat(ApprovalRules.mayEdit(new PostFacts(PostStatus.TAKEN_DOWN, 1, "h", 2L, "h"), OLIVIA_OFFICE)
                .allowed()).isFalse();
    }

    @Test
    void takeDownIsForTheHeadteacherOrTheDslAndOnlyWhenSomethingIsLive() {
        assertThat(ApprovalRules.mayTakeDown(HELEN_HEAD, true).allowed()).isTrue();
        assertThat(ApprovalRules.mayTakeDown(new Actor(8, "Dev", Set.of("dsl")), true).allowed()).isTrue();
        assertThat(ApprovalRules.mayTakeDown(OLIVIA_OFFICE, true).allowed()).isFalse();
        assertThat(ApprovalRules.mayTakeDown(HELEN_HEAD, false).reason()).contains("Nothing of this post is live");
    }

    @Test
    void onlyAFailedPublicationIsRetriedAndOnlyByTheHeadteacher() {
        PostFacts failed = new PostFacts(PostStatus.PUBLISH_FAILED, 1, "h", 2L, "h");
        assertThat(ApprovalRules.mayRetryPublishing(failed, HELEN_HEAD).allowed()).isTrue();
        assertThat(ApprovalRules.mayRetryPublishing(failed, SAM_STAFF).allowed()).isFalse();
        assertThat(ApprovalRules.mayRetryPublishing(new PostFacts(PostStatus.PUBLISHED, 1, "h", 2L, "h"), HELEN_HEAD)
                .allowed()).isFalse();
    }
}
