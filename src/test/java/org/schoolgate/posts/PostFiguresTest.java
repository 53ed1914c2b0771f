package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.schoolgate.report.PostFigures;
import org.schoolgate.staff.Role;
import org.schoolgate.staff.StaffUser;
import org.schoolgate.support.OtherSchool;

/** The governors' figures from known posts with known times (SPEC §2.6). */
@QuarkusTest
class PostFiguresTest {

    static final Instant SUN = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant MON = SUN.plus(Duration.ofDays(1));
    static final Instant TUE = MON.plus(Duration.ofDays(1));
    static final Instant WED = TUE.plus(Duration.ofDays(1));
    static final Instant THU = WED.plus(Duration.ofDays(1));
    static final Instant FRI = THU.plus(Duration.ofDays(1));

    @Inject
    PostFigures figures;

    static Instant at(Instant day, int hour, int minute) {
        return day.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }

    static final class Builder {
        final long school;
        final StaffUser author;

        Builder(long school, StaffUser author) {
            this.school = school;
            this.author = author;
        }

        long post(PostStatus status) {
            return QuarkusTransaction.requiringNew().call(() -> {
                Post p = new Post();
                p.schoolId = school;
                p.authorId = author.id;
                p.authorEmail = author.email;
                p.authorName = author.displayName;
                p.caption = "Figures";
                p.status = status;
                p.contentHash = "h";
                p.createdAt = SUN;
                p.updatedAt = SUN;
                p.persist();
                return p.id;
            });
        }

        Builder step(long postId, String action, Instant at, boolean consent) {
            QuarkusTransaction.requiringNew().run(() -> {
                PostEvent e = new PostEvent();
                e.schoolId = school;
                e.postId = postId;
                e.at = at;
                e.actorEmail = "t@t";
                e.actorName = "T";
                e.action = action;
                e.consentBlocked = consent;
                e.persist();
            });
            return this;
        }

        Builder step(long postId, String action, Instant at) {
            return step(postId, action, at, false);
        }
    }

    @Test
    void eachFigureFromKnownPosts() {
        OtherSchool other = OtherSchool.create();
        StaffUser author = QuarkusTransaction.requiringNew().call(() ->
                StaffUser.findByEmail(other.email(Role.OFFICE)).orElseThrow());
        Builder b = new Builder(other.id, author);

        long a = b.post(PostStatus.PUBLISHED);
        b.step(a, "submitted", at(MON, 10, 0)).step(a, "signed-off", at(MON, 11, 0)).step(a, "approved", at(MON, 13, 0))
                .step(a, "published-to-channel", at(MON, 13, 1)).step(a, "published-to-channel", at(MON, 13, 2))
                .step(a, "published", at(MON, 13, 2));

        long bb = b.post(PostStatus.PUBLISHED);
        b.step(bb, "blocked", at(MON, 9, 0), true).step(bb, "submitted", at(MON, 9, 30))
                .step(bb, "signed-off", at(MON, 9, 50)).step(bb, "sign-off-voided", at(MON, 9, 55))
                .step(bb, "submitted", at(MON, 10, 0)).step(bb, "signed-off", at(MON, 10, 30))
                .step(bb, "approved", at(MON, 12, 30)).step(bb, "published-to-channel", at(TUE, 9, 0));

        long c = b.post(PostStatus.AWAITING_APPROVAL);
        b.step(c, "blocked", at(TUE, 7, 0), false).step(c, "submitted", at(TUE, 8, 0)).step(c, "signed-off", at(TUE, 12, 0));

        long d = b.post(PostStatus.PUBLISHED);
        b.step(d, "blocked", at(SUN, 9, 0), true).step(d, "published-to-channel", at(SUN, 10, 0))
                .step(d, "published-to-channel", at(MON, 10, 0));

        long e = b.post(PostStatus.BLOCKED);
        b.step(e, "blocked", at(WED, 9, 0), true).step(e, "blocked", at(WED, 10, 0), true);

        long f = b.post(PostStatus.AWAITING_APPROVAL);
        b.step(f, "submitted", at(SUN, 23, 0)).step(f, "signed-off", at(THU, 23, 0));

        long late = b.post(PostStatus.PUBLISHED);
        b.step(late, "published-to-channel", at(FRI, 0, 0)).step(late, "blocked", FRI, true);

        PostFigures.Figures week = figures.between(other.id, MON, FRI);

        assertThat(week.published()).as("A and B; D's first copy was before the week").isEqualTo(2);
        assertThat(week.blockedByConsent()).as("B and E (once); C was not about consent").isEqualTo(2);
        // sign-offs in the week: B 20 min, B 30 min, A 60 min, C 4 h, F 96 h
        assertThat(week.medianToSignOff()).contains(Duration.ofMinutes(60));
        // approvals: A 2 h after its sign-off, B 2 h after its second sign-off
        assertThat(week.medianToApproval()).contains(Duration.ofHours(2));

        PostFigures.Figures monday = figures.between(other.id, MON, TUE);
        assertThat(monday.published()).isEqualTo(1);
        // Monday's sign-offs: 20 min, 30 min, 60 min
        assertThat(monday.medianToSignOff()).contains(Duration.ofMinutes(30));

        // the governors' report shows the same figures for those days (both included, London time = UTC in March)
        other.as(Role.GOVERNOR).get("/api/reports?from=2026-03-02&to=2026-03-05").then().statusCode(200)
                .body("posts.published", org.hamcrest.Matchers.is(2))
                .body("posts.blockedByConsent", org.hamcrest.Matchers.is(2))
                .body("posts.medianToSignOffMinutes", org.hamcrest.Matchers.is(60))
                .body("posts.medianToApprovalMinutes", org.hamcrest.Matchers.is(120));

        PostFigures.Figures before = figures.between(other.id, SUN.minus(Duration.ofDays(30)), SUN);
        assertThat(before).isEqualTo(new PostFigures.Figures(0, 0, Optional.empty(), Optional.empty()));
        assertThat(figures.between(OtherSchool.create().id, MON, FRI))
                .as("another school's posts never count").isEqualTo(new PostFigures.Figures(0, 0, Optional.empty(),
                        Optional.empty()));
    }

    @Test
    void anEvenNumberOfDurationsHasTheMeanOfTheMiddleTwoAsItsMedian() {
        assertThat(PostReportFigures.median(java.util.List.of(Duration.ofMinutes(10), Duration.ofMinutes(40),
                Duration.ofMinutes(20), Duration.ofMinutes(30)))).contains(Duration.ofMinutes(25));
        assertThat(PostReportFigures.median(java.util.List.of())).isEmpty();
    }
}
