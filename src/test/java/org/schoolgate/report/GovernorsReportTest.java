package org.schoolgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.CommentFixtures;
import org.schoolgate.review.EscalationTarget;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewService;
import org.schoolgate.review.Severity;
import org.schoolgate.staff.Role;
import org.schoolgate.support.OtherSchool;

/** The governors' report: figures from the scan and the review queue, charts, PDF, and who may see it. */
@QuarkusTest
class GovernorsReportTest {

    @Inject
    ReviewService review;

    @Test
    void theFiguresComeFromTheScanAndTheQueue() throws Exception {
        OtherSchool school = OtherSchool.create();
        long channel = CommentFixtures.channel(school.id, "Report page");
        var threat = CommentFixtures.flagged(school.id, channel, "watch your back", Severity.CRITICAL, Category.THREAT);
        var abuse = CommentFixtures.flagged(school.id, channel, "idiot", Severity.MEDIUM, Category.ABUSE, Category.PERSONAL_DATA);
        CommentFixtures.flagged(school.id, channel, "lovely day", Severity.NONE, Category.OK);
        CommentFixtures.flagged(school.id, channel, "great photos", Severity.NONE, Category.OK);
        QuarkusTransaction.requiringNew().run(() -> {
            review.escalate(school.id, threat.itemId(), 0, "h", EscalationTarget.POLICE, "threat", null);
            review.dismiss(school.id, abuse.itemId(), 0, "h", "banter");
        });
        // response times of 10 and 30 minutes: median 20
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewItem a = ReviewItem.findById(threat.itemId());
            ReviewItem.getEntityManager().createNativeQuery("update review_item set first_action_at = created_at + interval '10 minutes' where id = "
                    + a.id).executeUpdate();
            ReviewItem.getEntityManager().createNativeQuery("update review_item set first_action_at = created_at + interval '30 minutes' where id = "
                    + abuse.itemId()).executeUpdate();
        });
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String range = "?from=" + today.minusDays(1) + "&to=" + today;

        school.as(Role.GOVERNOR).get("/api/reports" + range).then().statusCode(200)
                .body("commentsScanned", is(4)).body("commentsFlagged", is(2))
                .body("flaggedByCategory.threat", is(1)).body("flaggedByCategory.abuse", is(1))
                .body("flaggedByCategory.'personal-data'", is(1)).body("flaggedByCategory.hate", is(0))
                .body("actionsByType.Escalated", is(1)).body("actionsByType.'Dismissed (false positive)'", is(1))
                .body("escalationsByTarget.'Reported to the police (threats, racism)'", is(1))
                .body("itemsByKind.'Flagged comment'", is(2)).body("itemsAnswered", is(2)).body("itemsWaiting", is(0))
                .body("medianResponseMinutes", is(20)).body("posts.published", is(0));
        school.as(Role.HEADTEACHER).get("/api/reports?from=2020-01-01&to=2020-03-31").then().statusCode(200)
                .body("commentsScanned", is(0)).body("medianResponseMinutes", nullValue());
        OtherSchool.create().as(Role.GOVERNOR).get("/api/reports" + range).then().body("commentsScanned", is(0));

        String page = school.as(Role.GOVERNOR).get("/reports" + range).then().statusCode(200)
                .body(containsString("<svg")).body(containsString("Flagged comments by category"))
                .body(containsString("data-testid=\"post-figures\"")).body(containsString("20 min"))
                .body(not(containsString("style="))).body(not(containsString("watch your back"))).extract().asString();
        String main = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
        assertThat(main).as("read-only: no form changes anything").doesNotContain("method=\"post\"");
        byte[] pdf = school.as(Role.GOVERNOR).get("/reports/pdf" + range).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Governors' report").contains("Scanned").contains("threat").contains("20 min")
                    .contains("Blocked by consent");
        }
    }

    @Test
    void badRangesAreExplained() {
        OtherSchool school = OtherSchool.create();
        school.as(Role.GOVERNOR).get("/api/reports?from=2026-05-01&to=2026-04-01").then().statusCode(400);
        school.as(Role.GOVERNOR).get("/api/reports?from=yesterday").then().statusCode(400);
        school.as(Role.GOVERNOR).get("/reports?from=2026-05-01&to=2026-04-01").then().statusCode(200)
                .body(containsString("The end date is before the start date"));
    }

    @Test
    void governorsReadTheReportButNothingElseOfTheQueue() {
        OtherSchool school = OtherSchool.create();
        for (Role r : new Role[] {Role.OFFICE, Role.STAFF, Role.DSL, Role.ADMIN}) {
            school.as(r).get("/api/reports").then().statusCode(403);
        }
        school.as(Role.GOVERNOR).get("/api/review").then().statusCode(403);
        school.as(Role.GOVERNOR).get("/api/comments/labels.tsv").then().statusCode(403);
        school.as(Role.GOVERNOR).get("/api/reports").then().statusCode(200);
        assertThat(Instant.now()).isNotNull();
    }
}
