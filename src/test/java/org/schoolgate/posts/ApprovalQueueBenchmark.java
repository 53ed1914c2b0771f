package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.staff.Role;
import org.schoolgate.staff.StaffUser;
import org.schoolgate.support.OtherSchool;

/**
 * Median render time of the approval queue page (GET /posts/approval, a real HTTP request with login, as the
 * headteacher sees it) with 5,000 posts waiting (target < 200 ms). The queue is paged, 50 posts a page, the
 * soonest to go out first: the figure is for the first page, and the last page (page 100) is measured too so
 * that the cost of a deep offset shows. Not part of the normal build (the name does not end in Test); run:
 * {@code ./mvnw -B -ntp verify -Dtest=ApprovalQueueBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
class ApprovalQueueBenchmark {

    static final int WAITING = Integer.getInteger("benchmark.posts", 5000);
    static final int WARM_UP = 30;
    static final int MEASURED = 101;

    @Test
    void approvalQueueWithFiveThousandWaitingPosts() {
        OtherSchool school = OtherSchool.create();
        long seeding = System.nanoTime();
        seed(school);
        long seeded = System.nanoTime();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Post.count("schoolId = ?1 and status = ?2", school.id,
                PostStatus.AWAITING_APPROVAL))).isEqualTo(WAITING);
        String firstPage = school.as(Role.HEADTEACHER).get("/posts/approval").then().statusCode(200).extract().asString();
        assertThat(firstPage).contains(WAITING + " posts signed off and waiting for you");
        assertThat(firstPage.split("data-testid=\"queue-row\"", -1)).hasSize(51);
        int lastPage = (WAITING + 49) / 50;

        double home = median(school, "/");
        double first = median(school, "/posts/approval");
        double last = median(school, "/posts/approval?page=" + lastPage);
        System.out.printf("%nApprovalQueueBenchmark: %d posts waiting for approval (seeded in %d ms); page of 50,"
                        + " median of %d renders after %d warm-up: first page %.1f ms, last page (%d) %.1f ms"
                        + " (target < 200 ms); for scale, the home page in the same run: %.1f ms%n%n", WAITING,
                (seeded - seeding) / 1_000_000, MEASURED, WARM_UP, first, lastPage, last, home);
    }

    static double median(OtherSchool school, String path) {
        for (int i = 0; i < WARM_UP; i++) {
            school.as(Role.HEADTEACHER).get(path).then().statusCode(200);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            school.as(Role.HEADTEACHER).get(path).then().statusCode(200);
            ms.add((System.nanoTime() - t) / 1_000_000.0);
        }
        Collections.sort(ms);
        return ms.get(ms.size() / 2);
    }

    /** Posts straight into the table: scheduled over the coming months, signed off by a colleague. */
    static void seed(OtherSchool school) {
        QuarkusTransaction.requiringNew().run(() -> {
            StaffUser office = StaffUser.findByEmail(school.email(Role.OFFICE)).orElseThrow();
            StaffUser staff = StaffUser.findByEmail(school.email(Role.STAFF)).orElseThrow();
            Post.getEntityManager().createNativeQuery("""
                    insert into post (id, school_id, author_id, author_email, author_name, caption, scheduled_at, status,
                        content_hash, submitted_at, signed_off_by, signed_off_by_name, signed_off_hash, signed_off_at,
                        publish_attempts, created_at, updated_at, version)
                    select nextval('post_seq'), :school, :author, :email, 'Olivia Office',
                        'Benchmark post ' || g || E': the school news of the week, with a longer caption\\nand a second line',
                        case when g % 5 = 0 then null else now() + (g * interval '37 minutes') end,
                        'AWAITING_APPROVAL', md5(g::text) || md5(g::text), now() - interval '1 day', :staff, 'Sam Staff',
                        md5(g::text) || md5(g::text), now() - (g * interval '1 second'), 0, now() - interval '2 days',
                        now(), 1
                    from generate_series(1, :n) g
                    """).setParameter("school", school.id).setParameter("author", office.id)
                    .setParameter("email", office.email).setParameter("staff", staff.id).setParameter("n", WAITING)
                    .executeUpdate();
        });
    }
}
