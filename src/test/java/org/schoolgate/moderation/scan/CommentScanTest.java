package org.schoolgate.moderation.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.moderation.scan.ScanFixtures.hoursAgo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.Fault;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.RealHostGuard;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.Severity;

/** The scan against the real simulator and PostgreSQL: storing, flagging, idempotency, watermark and resume. */
@QuarkusTest
class CommentScanTest {

    static final String THREAT = "watch your back Mr Jones, I know where you live";
    static final String INSULT = "You are a useless idiot";
    static final String HATE = "Too many foreigners at this school now, send them back where they came from.";
    static final List<String> ORDINARY = List.of("Lovely sports day, thank you!", "Great photos, thank you for sharing.",
            "Is breakfast club running the week after?", "My daughter loved every minute of it.");

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    ScanService scans;

    @Inject
    EvidenceService evidence;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    @AfterEach
    void noFaultsLeftAndNoRealHosts() {
        world().clearFaults();
        assertThat(RealHostGuard.violations()).isEmpty();
    }

    @Test
    void commentsAndRepliesAreStoredWithTheirVerdictsAndTheHarmfulOnesFlaggedWithEvidenceAndAReviewItem()
            throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(world(), cipher, "Stored");
        GraphWorld.Post post = s.post("Sports day photos", hoursAgo(30));
        GraphWorld.Comment question = s.comment(post.id(), "Priya Shah", ORDINARY.get(2), hoursAgo(29));
        s.comment(post.id(), "Tom Bradley", ORDINARY.get(0), hoursAgo(28));
        java.time.Instant threatAt = hoursAgo(27);
        GraphWorld.Comment threat = s.comment(post.id(), "Dean Fletcher", THREAT, threatAt);
        GraphWorld.Comment reply = s.comment(question.id(), "Kev Wright", INSULT, hoursAgo(26));
        s.comment(question.id(), "Sarah Mitchell", ORDINARY.get(1), hoursAgo(25));

        ScanRun run = ScanFixtures.scanNow(scans, s.schoolId());

        assertThat(run.status).isEqualTo(ScanStatus.COMPLETED);
        assertThat(run.channelsTotal).isEqualTo(1);
        assertThat(run.channelsDone).isEqualTo(1);
        assertThat(run.commentsRead).isEqualTo(5);
        assertThat(run.commentsNew).isEqualTo(5);
        assertThat(run.flagged).isEqualTo(2);
        List<ScannedComment> stored = ScanFixtures.stored(s.channelId());
        assertThat(stored).extracting(c -> c.platformCommentId).containsExactlyInAnyOrderElementsOf(
                world().commentsOn(post.id()).stream().map(GraphWorld.Comment::id).toList());
        Map<String, ScannedComment> byId = stored.stream().collect(Collectors.toMap(c -> c.platformCommentId,
                Function.identity()));

        ScannedComment r = byId.get(reply.id());
        assertThat(r.parentPlatformId).isEqualTo(question.id());
        assertThat(r.flagged).isTrue();
        assertThat(r.categories).contains("ABUSE");
        assertThat(r.permalink).endsWith("?comment_id=" + question.id().split("_")[1] + "&reply_comment_id="
                + reply.id().split("_")[1]);
        ScannedComment t = byId.get(threat.id());
        assertThat(t.categories).containsExactly("THREAT");
        assertThat(t.severity).isEqualTo(Severity.CRITICAL);
        assertThat(t.text).isEqualTo(THREAT);
        assertThat(t.authorName).isEqualTo("Dean Fletcher");
        assertThat(t.authorPlatformId).isNotBlank();
        assertThat(t.createdAt).isEqualTo(threatAt);
        assertThat(t.modelVersion).startsWith("abuse-maxent");
        assertThat(t.why).contains("watch your back");
        assertThat(t.scanRunId).isEqualTo(run.id);
        assertThat(t.parentPlatformId).isNull();

        List<ReviewItem> items = ScanFixtures.flaggedItems(s.schoolId());
        assertThat(items).hasSize(2);
        ReviewItem threatItem = items.stream().filter(i -> i.subjectId.equals(t.id.toString())).findFirst().orElseThrow();
        assertThat(threatItem.subjectType).isEqualTo("comment");
        assertThat(threatItem.id).isEqualTo(t.reviewItemId);
        assertThat(threatItem.channelId).isEqualTo(s.channelId());
        assertThat(threatItem.severity).isEqualTo(Severity.CRITICAL);
        assertThat(threatItem.summary).startsWith("threat: “watch your back Mr Jones");
        assertThat(threatItem.detail).isEqualTo(t.why);

        List<EvidenceRecord> records = ScanFixtures.evidence(s.schoolId());
        assertThat(records).extracting(e -> e.commentId).containsExactlyInAnyOrder(t.id, r.id);
        EvidenceRecord ev = records.stream().filter(e -> e.commentId == t.id).findFirst().orElseThrow();
        assertThat(evidence.verify(ev)).isTrue();
        assertThat(ev.capturedBy).isEqualTo("scan");
        assertThat(ev.recordJson).contains(THREAT, "Dean Fletcher", t.authorPlatformId, threat.id(), t.permalink,
                "Sports day photos", "\"severity\":\"critical\"", t.createdAt.toString());
        stored.stream().filter(c -> !c.flagged).forEach(c -> {
            assertThat(c.reviewItemId).isNull();
            assertThat(c.categories).containsExactly("OK");
            assertThat(c.severity).isEqualTo(Severity.NONE);
        });
        assertThat(stored.stream().filter(c -> !c.flagged)).hasSize(3);
        ScannedPost p = QuarkusTransaction.requiringNew().call(() -> ScannedPost.find(s.channelId(), post.id()).orElseThrow());
        assertThat(p.text).isEqualTo("Sports day photos");
        assertThat(p.permalink).contains("/posts/");
    }

    @Test
    void scanningTwiceStoresEveryCommentOnceAndRaisesNothingTwice() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(world(), cipher, "Twice");
        GraphWorld.Post post = s.post("Harvest festival", hoursAgo(10));
        s.comment(post.id(), "Hannah Liu", ORDINARY.get(0), hoursAgo(9));
        s.comment(post.id(), "Gary Blunt", HATE, hoursAgo(8));
        // written a moment ago: inside the overlap, so the next run reads it again
        GraphWorld.Comment recent = s.world().addComment(post.id(), "70019", "Kev Wright", THREAT,
                Instant.now().minusSeconds(60));
        s.comment(recent.id(), "Lucy Pearce", ORDINARY.get(3), Instant.now().minusSeconds(30));

        ScanRun first = ScanFixtures.scanNow(scans, s.schoolId());
        ScanRun second = ScanFixtures.scanNow(scans, s.schoolId());
        QuarkusTransaction.requiringNew().run(() -> {
            ChannelScanState st = ChannelScanState.findById(s.channelId());
            st.commentWatermark = null;
        });
        ScanRun third = ScanFixtures.scanNow(scans, s.schoolId());

        assertThat(first.commentsNew).isEqualTo(4);
        assertThat(second.commentsRead).as("the overlap re-reads the recent ones").isEqualTo(2);
        assertThat(third.commentsRead).as("no watermark: everything again").isEqualTo(4);
        assertThat(List.of(second.commentsNew, third.commentsNew)).containsOnly(0L);
        assertThat(List.of(second.flagged, third.flagged)).containsOnly(0);
        assertThat(ScanFixtures.stored(s.channelId())).hasSize(4);
        assertThat(ScanFixtures.flaggedItems(s.schoolId())).hasSize(2);
        assertThat(ScanFixtures.evidence(s.schoolId())).hasSize(2);
    }

    @Test
    void theWatermarkMovesOnlyWhenTheChannelsSweepCompleted() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(world(), cipher, "Watermark");
        seed(s, 3, 150);
        // the 3rd comments page of this Page is throttled: newest post first, 2 pages of 100 each, so the
        // newest post is read in full and the fault hits the next one's first page
        world().addFault(Fault.rateLimit(32, 5).on("GET", s.page().pageId() + "_").atCall(3));

        ScanRun broken = ScanFixtures.scanNow(scans, s.schoolId());

        assertThat(broken.status).isEqualTo(ScanStatus.FAILED);
        assertThat(broken.channelsFailed).isEqualTo(1);
        assertThat(broken.error).contains("rate limited");
        ChannelScanState st = ScanFixtures.state(s.channelId());
        assertThat(st.commentWatermark).as("not moved by a sweep that stopped").isNull();
        assertThat(st.lastProblem).contains("rate limited");
        long partial = ScanFixtures.stored(s.channelId()).size();
        assertThat(partial).as("what was read before the fault is kept").isEqualTo(150);
        Channel c = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(s.channelId()));
        assertThat(c.backoffUntil).as("the channel backs off as the platform asked").isAfter(Instant.now());

        ScanRun backingOff = ScanFixtures.scanNow(scans, s.schoolId());
        assertThat(backingOff.commentsRead).isZero();
        assertThat(backingOff.error).contains("rate limited by the platform until");
        assertThat(ScanFixtures.state(s.channelId()).commentWatermark).isNull();

        endBackOff(s.channelId());
        ScanRun resumed = ScanFixtures.scanNow(scans, s.schoolId());

        assertThat(resumed.status).isEqualTo(ScanStatus.COMPLETED);
        assertThat(ScanFixtures.state(s.channelId()).commentWatermark).isEqualTo(resumed.asOf);
        assertThat(ScanFixtures.state(s.channelId()).lastProblem).isNull();
        assertThat(resumed.commentsNew).isEqualTo(450 - partial);
        assertThat(ScanFixtures.stored(s.channelId())).hasSize(450);
    }

    @Test
    void aScanStoppedByAFaultAndRunAgainEndsWithExactlyTheCommentsOfAnUninterruptedScan() throws Exception {
        ScanFixtures.Setup interrupted = ScanFixtures.schoolWithPage(world(), cipher, "Interrupted");
        ScanFixtures.Setup clean = ScanFixtures.schoolWithPage(world(), cipher, "Uninterrupted");
        Instant base = hoursAgo(72);
        seedWithReplies(interrupted, base);
        seedWithReplies(clean, base);
        // a Graph 500 that outlasts the connector's three retries, on the 4th comments page
        world().addFault(Fault.transientError().on("GET", interrupted.page().pageId() + "_").atCall(4).times(4));

        ScanRun stopped = ScanFixtures.scanNow(scans, interrupted.schoolId());
        assertThat(stopped.status).isEqualTo(ScanStatus.FAILED);
        assertThat(stopped.error).contains("platform error (transient)");
        int before = ScanFixtures.stored(interrupted.channelId()).size();
        assertThat(before).isBetween(1, 399);
        world().clearFaults();
        endBackOff(interrupted.channelId());
        ScanRun rerun = ScanFixtures.scanNow(scans, interrupted.schoolId());
        ScanRun reference = ScanFixtures.scanNow(scans, clean.schoolId());

        assertThat(rerun.status).isEqualTo(ScanStatus.COMPLETED);
        assertThat(reference.status).isEqualTo(ScanStatus.COMPLETED);
        List<ScannedComment> a = ScanFixtures.stored(interrupted.channelId());
        List<ScannedComment> b = ScanFixtures.stored(clean.channelId());
        assertThat(a).hasSameSizeAs(b).hasSize(400);
        assertThat(a.stream().map(c -> c.platformCommentId).distinct()).hasSize(a.size());
        Set<String> simIds = world().postsOf(interrupted.page().pageId()).stream()
                .flatMap(p -> world().commentsOn(p.id()).stream()).map(GraphWorld.Comment::id).collect(Collectors.toSet());
        assertThat(a).extracting(c -> c.platformCommentId).containsExactlyInAnyOrderElementsOf(simIds);
        assertThat(content(a)).isEqualTo(content(b));
        assertThat(a.stream().filter(c -> c.flagged).count()).isEqualTo(b.stream().filter(c -> c.flagged).count())
                .isEqualTo(ScanFixtures.flaggedItems(interrupted.schoolId()).size())
                .isEqualTo(ScanFixtures.evidence(interrupted.schoolId()).size())
                .isPositive();
        assertThat(rerun.commentsNew).isEqualTo(400 - before);
    }

    /** What a comment says, where and when, independent of the Page's ids. */
    private static Set<String> content(List<ScannedComment> comments) {
        Map<String, ScannedComment> byId = comments.stream().collect(Collectors.toMap(c -> c.platformCommentId,
                Function.identity()));
        return comments.stream().map(c -> c.createdAt + "|" + c.authorName + "|" + c.text + "|" + c.severity + "|"
                        + (c.parentPlatformId == null ? "" : byId.get(c.parentPlatformId).text))
                .collect(Collectors.toSet());
    }

    /** Posts with comments, every tenth harmful, created a second apart so their order is clear. */
    static void seed(ScanFixtures.Setup s, int posts, int commentsPerPost) {
        Instant base = hoursAgo(48);
        for (int p = 0; p < posts; p++) {
            GraphWorld.Post post = s.post("Post " + p, base.plusSeconds(p * 10_000L));
            for (int c = 0; c < commentsPerPost; c++) {
                String text = c % 10 == 9 ? INSULT : ORDINARY.get(c % ORDINARY.size()) + " #" + c;
                s.comment(post.id(), "Parent " + (c % 7), text, base.plusSeconds(p * 10_000L + c + 1));
            }
        }
    }

    /** Four posts of 100 comments and replies (every fifth a reply, some harmful), the same for any Page. */
    static void seedWithReplies(ScanFixtures.Setup s, Instant base) {
        for (int p = 0; p < 4; p++) {
            GraphWorld.Post post = s.post("Week " + p + " news", base.plusSeconds(p * 3_600L));
            GraphWorld.Comment last = null;
            for (int c = 0; c < 100; c++) {
                String text = c % 25 == 24 ? THREAT : c % 20 == 7 ? HATE : ORDINARY.get(c % 4) + " (" + p + "/" + c + ")";
                Instant at = base.plusSeconds(p * 3_600L + c * 7L + 1);
                last = c % 5 == 4 && last != null ? s.comment(last.id(), "Replier " + c % 3, text, at)
                        : s.comment(post.id(), "Parent " + c % 9, text, at);
            }
        }
    }

    static void endBackOff(long channelId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Channel c = Channel.findById(channelId);
            c.backoffUntil = null;
        });
    }

    static Duration since(Instant t) {
        return Duration.between(t, Instant.now());
    }
}
