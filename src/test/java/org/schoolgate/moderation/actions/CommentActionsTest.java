package org.schoolgate.moderation.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.audit.AuditEvent;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelFixtures;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.simulator.Fault;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.CommentFixtures;
import org.schoolgate.moderation.scan.EvidenceRecord;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewLabel;
import org.schoolgate.review.Severity;
import org.schoolgate.staff.Role;
import org.schoolgate.support.OtherSchool;

/** Hide, unhide, delete, reply, evidence, letters and labels on a flagged comment, against the simulated Page. */
@QuarkusTest
class CommentActionsTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    OtherSchool school;
    Channel channel;
    GraphWorld.Post post;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    @BeforeEach
    void page() {
        school = OtherSchool.create();
        ChannelFixtures.SimPage page = ChannelFixtures.simulatedPage(world(), "Actions page");
        channel = ChannelFixtures.activeChannel(cipher, school.id, Platform.FACEBOOK_PAGE, page.pageId(),
                ChannelKind.OFFICIAL, page.token());
        post = world().addPost(page.pageId(), "Our Year 6 leavers' assembly", Instant.now().minus(Duration.ofDays(1)), List.of());
    }

    @AfterEach
    void noFaults() {
        world().clearFaults();
    }

    /** A comment on the simulated post, flagged as the scan would flag it. */
    CommentFixtures.Flagged flagged(String text, Severity severity, Category... categories) {
        GraphWorld.Comment c = world().addComment(post.id(), "7009" + UUID.randomUUID().toString().substring(0, 4),
                "Sam Sender", text, Instant.now().minus(Duration.ofHours(2)));
        return CommentFixtures.flagged(school.id, channel.id, post.id(), c.id(), null, "7009", "Sam Sender", text,
                severity, categories);
    }

    ReviewItem item(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(id));
    }

    long audits(String action, String subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and subjectId = ?2 and schoolId = ?3",
                action, subjectId, school.id));
    }

    @Test
    void anAllegationNamingOneOfTheSchoolsStaffSuggestsTheLadoAndOneNamingAPupilTheDsl() {
        var staff = flagged("the office lady hit my son", Severity.HIGH, Category.ALLEGATION);
        var pupil = flagged("that boy hit my son", Severity.HIGH, Category.ALLEGATION);
        QuarkusTransaction.requiringNew().run(() -> {
            org.schoolgate.moderation.scan.ScannedComment.update("why = ?1 where id = ?2",
                    "allegation: other office staff with 'hit'", staff.commentId());
            org.schoolgate.moderation.scan.ScannedComment.update("why = ?1 where id = ?2",
                    "allegation: Ava Smith with 'hit'", pupil.commentId());
        });
        school.as(Role.HEADTEACHER).get("/api/comments/" + staff.commentId()).then().statusCode(200)
                .body("suggestedEscalations", org.hamcrest.Matchers.contains("LADO"));
        school.as(Role.HEADTEACHER).get("/api/comments/" + pupil.commentId()).then().statusCode(200)
                .body("suggestedEscalations", org.hamcrest.Matchers.contains("DSL"));
    }

    @Test
    void hidingHidesOnThePlatformClosesTheItemLabelsItAbusiveAndIsAudited() {
        var f = flagged("watch your back", Severity.CRITICAL, Category.THREAT);
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"version\":0}")
                .post("/api/comments/" + f.commentId() + "/hide").then().statusCode(200).body("hidden", is(true));
        assertThat(world().comment(f.platformCommentId()).orElseThrow().hidden()).isTrue();
        ReviewItem i = item(f.itemId());
        assertThat(i.isOpen()).isFalse();
        assertThat(i.resolution).isEqualTo("hidden");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReviewLabel.<ReviewLabel>findById(f.itemId())).abusive).isTrue();
        assertThat(audits("review.hidden", Long.toString(f.itemId()))).isEqualTo(1);

        school.as(Role.DSL).contentType("application/json").body("{\"version\":" + i.version + "}")
                .post("/api/comments/" + f.commentId() + "/unhide").then().statusCode(200).body("hidden", is(false));
        assertThat(world().comment(f.platformCommentId()).orElseThrow().hidden()).isFalse();
        assertThat(audits("review.unhidden", Long.toString(f.itemId()))).isEqualTo(1);
    }

    @Test
    void hidingCapturesTheEvidenceFirstWhenTheScanHadNot() {
        GraphWorld.Comment pc = world().addComment(post.id(), "7010", "Al Author", "you idiot", Instant.now());
        long commentId = QuarkusTransaction.requiringNew().call(() -> {
            var c = new org.schoolgate.moderation.scan.ScannedComment();
            c.schoolId = school.id;
            c.channelId = channel.id;
            c.platformCommentId = pc.id();
            c.platformPostId = post.id();
            c.text = "you idiot";
            c.createdAt = Instant.now();
            c.capturedAt = Instant.now();
            c.categories = List.of("ABUSE");
            c.severity = Severity.MEDIUM;
            c.modelVersion = "t";
            c.flagged = true;
            c.persist();
            c.reviewItemId = io.quarkus.arc.Arc.container().instance(org.schoolgate.review.ReviewService.class).get()
                    .raise(new org.schoolgate.review.NewReviewItem(school.id, org.schoolgate.review.ReviewKind.FLAGGED_COMMENT,
                            Severity.MEDIUM, "comment", Long.toString(c.id), channel.id, "you idiot", null)).orElseThrow().id;
            return c.id;
        });
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"version\":0}")
                .post("/api/comments/" + commentId + "/delete").then().statusCode(400)
                .body("detail", containsString("Capture the evidence before deleting"));
        assertThat(world().comment(pc.id()).orElseThrow().deleted()).isFalse();
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"version\":0}")
                .post("/api/comments/" + commentId + "/hide").then().statusCode(200);
        EvidenceRecord r = QuarkusTransaction.requiringNew().call(() -> EvidenceRecord.<EvidenceRecord>find("commentId", commentId).singleResult());
        assertThat(r.capturedBy).isEqualTo(school.email(Role.HEADTEACHER));
        assertThat(r.recordJson).contains("you idiot");
        var hideCall = world().journal().stream().filter(e -> e.method().equals("POST") && e.path().contains(pc.id())).findFirst().orElseThrow();
        assertThat(r.capturedAt).isBeforeOrEqualTo(hideCall.at());
    }

    @Test
    void deletingNeedsEvidenceAndRemovesTheCommentFromThePlatform() {
        var f = flagged("I will find you after school", Severity.CRITICAL, Category.THREAT);
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"version\":0}")
                .post("/api/comments/" + f.commentId() + "/delete").then().statusCode(200).body("deleted", is(true));
        assertThat(world().comment(f.platformCommentId()).orElseThrow().deleted()).isTrue();
        assertThat(item(f.itemId()).resolution).isEqualTo("deleted");
        assertThat(QuarkusTransaction.requiringNew().call(() -> EvidenceRecord.count("commentId", f.commentId()))).isEqualTo(1);
        assertThat(audits("review.deleted", Long.toString(f.itemId()))).isEqualTo(1);
    }

    @Test
    void anOfficialReplyIsPostedAsThePageAndItsWordsAreAudited() {
        var f = flagged("this school is a disgrace", Severity.LOW, Category.COMPLAINT);
        school.as(Role.HEADTEACHER).contentType("application/json")
                .body("{\"version\":0,\"text\":\"Please contact the school office so we can help.\"}")
                .post("/api/comments/" + f.commentId() + "/reply").then().statusCode(200);
        List<GraphWorld.Comment> replies = world().commentsOn(post.id()).stream()
                .filter(c -> c.parentId().equals(java.util.Optional.of(f.platformCommentId()))).toList();
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).isEqualTo("Please contact the school office so we can help.");
        assertThat(item(f.itemId()).isOpen()).isTrue();
        long n = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'review.replied' and details like ?1", "%Please contact the school office%"));
        assertThat(n).isEqualTo(1);
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"version\":1,\"text\":\" \"}")
                .post("/api/comments/" + f.commentId() + "/reply").then().statusCode(400);
    }

    @Test
    void whenTwoPeopleHideAtOnceOneWinsTheOtherIsToldAndThePlatformIsCalledOnce() throws Exception {
        var f = flagged("watch your back", Severity.CRITICAL, Category.THREAT);
        world().clearJournal();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> school.as(Role.HEADTEACHER).contentType("application/json").body("{\"version\":0}")
                    .post("/api/comments/" + f.commentId() + "/hide"));
            var b = pool.submit(() -> school.as(Role.DSL).contentType("application/json").body("{\"version\":0}")
                    .post("/api/comments/" + f.commentId() + "/hide"));
            var ra = a.get();
            var rb = b.get();
            assertThat(List.of(ra.statusCode(), rb.statusCode())).containsExactlyInAnyOrder(200, 409);
            var loser = ra.statusCode() == 409 ? ra : rb;
            assertThat(loser.jsonPath().getString("title")).isEqualTo("Someone else got there first");
        } finally {
            pool.shutdown();
        }
        long hides = world().journal().stream().filter(e -> e.method().equals("POST") && e.path().contains(f.platformCommentId())).count();
        assertThat(hides).isEqualTo(1);
        assertThat(audits("review.hidden", Long.toString(f.itemId()))).isEqualTo(1);
    }

    @Test
    void aPlatformRefusalIsReportedAndNothingIsRecorded() {
        var f = flagged("watch your back", Severity.CRITICAL, Category.THREAT);
        world().addFault(Fault.graphError(400, 200, null, "Permissions error").on("POST", f.platformCommentId()));
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"version\":0}")
                .post("/api/comments/" + f.commentId() + "/hide").then().statusCode(502)
                .body("detail", containsString(channel.name + " refused")).body("detail", containsString("Permissions error"));
        assertThat(world().comment(f.platformCommentId()).orElseThrow().hidden()).isFalse();
        ReviewItem i = item(f.itemId());
        assertThat(i.version).isZero();
        assertThat(i.isOpen()).isTrue();
        assertThat(audits("review.hidden", Long.toString(f.itemId()))).isZero();
    }

    @Test
    void thePagesHideAndTellTheSecondPersonWhoWon() {
        var f = flagged("watch your back", Severity.CRITICAL, Category.THREAT);
        var first = org.schoolgate.support.Forms.anonymous().auth().preemptive().basic(school.email(Role.HEADTEACHER),
                OtherSchool.PASSWORD).formParam("version", 0).post("/comments/" + f.commentId() + "/hide");
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.header("Location")).endsWith("/review/" + f.itemId());
        var second = org.schoolgate.support.Forms.anonymous().auth().preemptive().basic(school.email(Role.DSL),
                OtherSchool.PASSWORD).formParam("version", 0).post("/comments/" + f.commentId() + "/hide");
        assertThat(URLDecoder.decode(second.getCookie("flash"), StandardCharsets.UTF_8))
                .contains("Someone else acted on this item first").contains(school.email(Role.HEADTEACHER))
                .contains("hid the comment");
    }

    @Test
    void theReviewItemShowsTheCommentInItsContext() {
        var earlier = flagged("you are all useless", Severity.MEDIUM, Category.ABUSE);
        var f = flagged("watch your back", Severity.CRITICAL, Category.THREAT);
        world().addComment(f.platformCommentId(), "7777", "Reply Person", "calm down please", Instant.now());
        CommentFixtures.flagged(school.id, channel.id, post.id(), "reply-" + UUID.randomUUID(), f.platformCommentId(), "7777",
                "Reply Person", "calm down please", Severity.NONE, Category.OK);
        school.as(Role.HEADTEACHER).get("/review/" + f.itemId()).then().statusCode(200)
                .body(containsString("data-testid=\"comment-panel\""))
                .body(containsString("Sports day was wonderful"))
                .body(containsString("calm down please"))
                .body(containsString("/comments/" + earlier.commentId()))
                .body(containsString("Consider escalating to the police"))
                .body(containsString("data-testid=\"hide\""));
    }

    @Test
    void untrustedTextIsEscaped() {
        var f = flagged("<script>alert(1)</script> watch your back", Severity.CRITICAL, Category.THREAT);
        school.as(Role.HEADTEACHER).get("/review/" + f.itemId()).then().statusCode(200)
                .body(not(containsString("<script>alert(1)</script>"))).body(containsString("&lt;script&gt;"));
    }

    @Test
    void onlyTheHeadAndTheDslMayReadEvidenceAndEachViewAndExportIsInTheChainOfCustody() throws Exception {
        var f = flagged("watch your back, Mr Jones", Severity.CRITICAL, Category.THREAT);
        for (String role : List.of("admin", "governor", "staff", "office")) {
            org.schoolgate.support.Api.as(role).get("/api/comments/" + f.commentId() + "/evidence").then().statusCode(403);
            org.schoolgate.support.Api.as(role).get("/api/comments/" + f.commentId() + "/evidence.pdf").then().statusCode(403);
        }
        OtherSchool.create().as(Role.HEADTEACHER).get("/api/comments/" + f.commentId() + "/evidence").then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> EvidenceCustody.count("commentId", f.commentId()))).isZero();

        String sha = school.as(Role.DSL).get("/api/comments/" + f.commentId() + "/evidence").then().statusCode(200)
                .body("intact", is(true)).body("custody[0].action", is("viewed")).body("custody[0].actor", is(school.email(Role.DSL)))
                .extract().path("sha256");
        school.as(Role.HEADTEACHER).get("/comments/" + f.commentId() + "/evidence").then().statusCode(200)
                .body(containsString(sha)).body(containsString("data-testid=\"evidence-intact\""));
        byte[] pdf = school.as(Role.HEADTEACHER).get("/comments/" + f.commentId() + "/evidence.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(sha).contains("watch your back, Mr Jones").contains("Sports day was wonderful")
                    .contains("Chain of custody").contains("exported").contains(school.email(Role.DSL))
                    .contains("the SHA-256 of the record below matches");
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().values().iterator().next();
            byte[] attached = spec.getEmbeddedFile().toByteArray();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(attached))).isEqualTo(sha);
        }
        List<EvidenceCustody> custody = QuarkusTransaction.requiringNew().call(() -> EvidenceCustody.list(
                "commentId = ?1 order by occurredAt, id", f.commentId()));
        assertThat(custody).extracting(c -> c.action).containsExactly(EvidenceCustody.Action.VIEWED,
                EvidenceCustody.Action.VIEWED, EvidenceCustody.Action.EXPORTED);
        assertThat(audits("evidence.viewed", Long.toString(f.commentId()))).isEqualTo(2);
        assertThat(audits("evidence.exported", Long.toString(f.commentId()))).isEqualTo(1);
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                EvidenceCustody.getEntityManager().createNativeQuery("delete from evidence_custody where comment_id = "
                        + f.commentId()).executeUpdate()));
    }

    @Test
    void theCommentActionsAreForTheHeadAndDslOnly() {
        var f = flagged("watch your back", Severity.CRITICAL, Category.THREAT);
        for (String role : List.of("admin", "governor", "staff", "office")) {
            org.schoolgate.support.Api.as(role).get("/api/comments/" + f.commentId()).then().statusCode(403);
            org.schoolgate.support.Api.as(role).contentType("application/json").body("{\"version\":0}")
                    .post("/api/comments/" + f.commentId() + "/hide").then().statusCode(403);
        }
        OtherSchool.create().as(Role.DSL).contentType("application/json").body("{\"version\":0}")
                .post("/api/comments/" + f.commentId() + "/hide").then().statusCode(404);
        assertThat(world().comment(f.platformCommentId()).orElseThrow().hidden()).isFalse();
    }

    @Test
    void aRemovalLetterIsDraftedEditedKeptAndPrintable() {
        var f = flagged("Mrs Smith is a liar and a thief", Severity.HIGH, Category.ALLEGATION);
        school.as(Role.HEADTEACHER).get("/comments/" + f.commentId() + "/letter").then().statusCode(200)
                .body(containsString("Request to remove a comment")).body(containsString("Mrs Smith is a liar and a thief"))
                .body(containsString("Dear Sam Sender")).body(containsString("complaints"));
        var r = org.schoolgate.support.Forms.anonymous().auth().preemptive().basic(school.email(Role.HEADTEACHER), OtherSchool.PASSWORD)
                .formParam("version", 0).formParam("addressee", "Mr S Sender")
                .formParam("body", "Dear Mr Sender,\nPlease remove your comment.\nYours, the Head")
                .post("/comments/" + f.commentId() + "/letter");
        assertThat(r.statusCode()).isEqualTo(303);
        String printable = r.header("Location");
        assertThat(printable).contains("/comments/" + f.commentId() + "/letters/");
        school.as(Role.HEADTEACHER).get(printable).then().statusCode(200).body(containsString("Please remove your comment."));
        school.as(Role.DSL).get("/api/review/" + f.itemId() + "/history").then().body("[0].type", is("letter"))
                .body("[0].detail", containsString("to Mr S Sender"));
        // the same through the API
        String draft = school.as(Role.DSL).get("/api/comments/" + f.commentId() + "/letter-draft").then().statusCode(200)
                .body("addressee", is("Sam Sender")).body("itemVersion", is(1)).extract().path("body");
        assertThat(draft).contains("Mrs Smith is a liar and a thief").contains("complaints procedure");
        school.as(Role.DSL).contentType("application/json")
                .body(java.util.Map.of("addressee", "Sam Sender", "body", draft, "version", 0))
                .post("/api/comments/" + f.commentId() + "/letters").then().statusCode(409);
        school.as(Role.DSL).contentType("application/json")
                .body(java.util.Map.of("addressee", "Sam Sender", "body", draft, "version", 1))
                .post("/api/comments/" + f.commentId() + "/letters").then().statusCode(200).body("writtenBy", is(school.email(Role.DSL)));
        school.as(Role.HEADTEACHER).get("/api/comments/" + f.commentId() + "/letters").then().body("size()", is(2));
        org.schoolgate.support.Api.as("governor").get("/api/comments/" + f.commentId() + "/letters").then().statusCode(403);
    }

    @Test
    void theLabelsExportInTheTrainingFormat() {
        var hidden = flagged("you\tare\nan idiot", Severity.MEDIUM, Category.ABUSE);
        var dismissed = flagged("lovely assembly, killer dance moves", Severity.LOW, Category.ABUSE);
        flagged("never decided", Severity.LOW, Category.SPAM);
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"version\":0}")
                .post("/api/comments/" + hidden.commentId() + "/hide").then().statusCode(200);
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"version\":0}")
                .post("/api/review/" + dismissed.itemId() + "/dismiss").then().statusCode(200);
        String tsv = school.as(Role.DSL).get("/api/comments/labels.tsv").then().statusCode(200)
                .contentType(containsString("text/tab-separated-values")).extract().asString();
        assertThat(tsv.lines().toList()).containsExactlyInAnyOrder("abusive\tyou are an idiot\tschool-hidden",
                "ok\tlovely assembly, killer dance moves\tschool-dismissed");
        org.schoolgate.support.Api.as("admin").get("/api/comments/labels.tsv").then().statusCode(403);
    }
}
