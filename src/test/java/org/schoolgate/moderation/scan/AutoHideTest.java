package org.schoolgate.moderation.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolgate.moderation.scan.ScanFixtures.hoursAgo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.audit.AuditEvent;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.Fault;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.JournalEntry;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.review.ReviewItem;

/** Auto-hide switched on (severity high and above): evidence first, never delete, refusals recorded. */
@QuarkusTest
@TestProfile(AutoHideTest.On.class)
class AutoHideTest {

    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("schoolgate.scan.auto-hide.enabled", "true", "schoolgate.scan.auto-hide.min-severity", "high");
        }
    }

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    ScanService scans;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    @AfterEach
    void noFaultsLeft() {
        world().clearFaults();
    }

    @Test
    void theEvidenceIsCommittedBeforeTheHideIsSentAndNothingIsEverDeleted() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(world(), cipher, "Evidence first");
        GraphWorld.Post post = s.post("Football team", hoursAgo(4));
        GraphWorld.Comment threat = s.comment(post.id(), "Kev Wright", CommentScanTest.THREAT, hoursAgo(3));
        GraphWorld.Comment hate = s.comment(post.id(), "Gary Blunt", CommentScanTest.HATE, hoursAgo(2));
        GraphWorld.Comment insult = s.comment(post.id(), "Dean Fletcher", CommentScanTest.INSULT, hoursAgo(2));
        s.comment(post.id(), "Ann", CommentScanTest.ORDINARY.get(0), hoursAgo(1));
        // the platform takes 2 s to answer this hide: long enough to look at the database meanwhile
        world().addFault(Fault.delay(Duration.ofSeconds(2)).on("POST", threat.id()));

        scans.start(s.schoolId(), "test@scan.school");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!threat.hidden() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(threat.hidden()).as("the hide request reached the platform").isTrue();
        Instant hideArrived = Instant.now();
        // the hide call is in flight: seen from another transaction, the evidence is already committed
        List<EvidenceRecord> committed = QuarkusTransaction.requiringNew().call(() ->
                EvidenceRecord.<EvidenceRecord>list("commentId in (select c.id from ScannedComment c"
                        + " where c.platformCommentId = ?1)", threat.id()));
        ScannedComment duringHide = QuarkusTransaction.requiringNew().call(() -> ScannedComment.<ScannedComment>find(
                "platformCommentId", threat.id()).firstResult());
        assertThat(committed).hasSize(1);
        assertThat(committed.get(0).capturedAt).isBefore(hideArrived);
        assertThat(duringHide.hidden).as("not yet recorded as hidden: the call has not returned").isFalse();
        assertThat(duringHide.reviewItemId).isNotNull();
        assertThat(scans.awaitIdle(s.schoolId(), 60_000)).isTrue();

        List<ScannedComment> stored = ScanFixtures.stored(s.channelId());
        ScannedComment t = find(stored, threat.id());
        ScannedComment h = find(stored, hate.id());
        ScannedComment i = find(stored, insult.id());
        assertThat(List.of(t.hidden, h.hidden)).containsOnly(true);
        assertThat(hate.hidden()).isTrue();
        assertThat(i.flagged).isTrue();
        assertThat(i.hidden).as("low severity stays visible").isFalse();
        assertThat(insult.hidden()).isFalse();
        for (ScannedComment c : List.of(t, h)) {
            EvidenceRecord ev = ScanFixtures.evidence(s.schoolId()).stream().filter(e -> e.commentId == c.id)
                    .findFirst().orElseThrow();
            assertThat(c.autoHiddenAt).isAfter(ev.capturedAt);
            assertThat(ev.recordJson).contains("\"hiddenWhenRead\":false");
            assertThat(audit("comment.auto-hidden", c.id)).hasSize(1);
        }
        List<JournalEntry> writes = world().journal().stream()
                .filter(e -> !e.method().equals("GET") && e.path().contains(post.id().split("_")[1] + "_")).toList();
        assertThat(writes).extracting(JournalEntry::method).containsOnly("POST").hasSize(2);
        assertThat(writes).extracting(e -> e.param("is_hidden")).containsOnly("true");
        assertThat(writes).extracting(JournalEntry::path).containsExactlyInAnyOrder("/v25.0/" + threat.id(),
                "/v25.0/" + hate.id());
        JournalEntry threatHide = writes.stream().filter(e -> e.path().endsWith(threat.id())).findFirst().orElseThrow();
        assertThat(threatHide.at()).isAfter(committed.get(0).capturedAt);
        assertThat(world().journal()).noneMatch(e -> e.method().equals("DELETE"));
        assertThat(world().commentsOn(post.id())).hasSize(4).noneMatch(GraphWorld.Comment::deleted);
        assertThat(ScanFixtures.run(scans.recent(s.schoolId(), 1).get(0).id).hidden).isEqualTo(2);
    }

    @Test
    void aPlatformRefusalIsRecordedAndAuditedAndTheCommentStaysInTheQueue() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(world(), cipher, "Refused");
        GraphWorld.Post post = s.post("Parents' evening", hoursAgo(4));
        GraphWorld.Comment threat = s.comment(post.id(), "Kev Wright", "I will kill you", hoursAgo(3));
        world().addFault(Fault.graphError(403, 200, null, "(#200) Requires pages_manage_engagement permission")
                .on("POST", threat.id()).always());

        ScanRun run = ScanFixtures.scanNow(scans, s.schoolId());

        ScannedComment c = ScanFixtures.stored(s.channelId()).get(0);
        assertThat(run.status).isEqualTo(ScanStatus.COMPLETED);
        assertThat(run.hidden).isZero();
        assertThat(c.flagged).isTrue();
        assertThat(c.hidden).isFalse();
        assertThat(threat.hidden()).isFalse();
        assertThat(c.hideProblem).contains("The platform refused to hide it (permission missing)")
                .contains("pages_manage_engagement");
        assertThat(audit("comment.auto-hide-failed", c.id)).singleElement()
                .satisfies(e -> assertThat(e.details).isEqualTo(c.hideProblem));
        ReviewItem item = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(c.reviewItemId));
        assertThat(item.isOpen()).isTrue();
        assertThat(world().journal()).noneMatch(e -> e.method().equals("DELETE"));
    }

    @Test
    void aMonitoredChannelAndThePagesOwnCommentsAreNeverHiddenAndSaySo() throws Exception {
        ScanFixtures.Setup monitored = ScanFixtures.schoolWithPage(world(), cipher, "Parents' association",
                ChannelKind.MONITORED);
        GraphWorld.Post post = monitored.post("PTA quiz night", hoursAgo(5));
        monitored.comment(post.id(), "Kev Wright", CommentScanTest.THREAT, hoursAgo(4));
        ScanFixtures.Setup official = ScanFixtures.schoolWithPage(world(), cipher, "Own comment");
        GraphWorld.Post own = official.post("Sports day", hoursAgo(5));
        world().addComment(own.id(), official.page().pageId(), "Own comment", "I will kill you at rounders!",
                hoursAgo(4));

        ScanFixtures.scanNow(scans, monitored.schoolId());
        ScanFixtures.scanNow(scans, official.schoolId());

        ScannedComment m = ScanFixtures.stored(monitored.channelId()).get(0);
        assertThat(m.flagged).isTrue();
        assertThat(m.hidden).isFalse();
        assertThat(m.hideProblem).contains("monitored channel");
        ScannedComment o = ScanFixtures.stored(official.channelId()).get(0);
        assertThat(o.flagged).isTrue();
        assertThat(o.hideProblem).contains("does not allow hiding this comment");
        assertThat(world().journal()).noneMatch(e -> !e.method().equals("GET")
                && (e.path().contains(post.id().split("_")[1] + "_") || e.path().contains(own.id().split("_")[1] + "_")));
    }

    private static ScannedComment find(List<ScannedComment> stored, String platformId) {
        return stored.stream().filter(c -> c.platformCommentId.equals(platformId)).findFirst().orElseThrow();
    }

    private static List<AuditEvent> audit(String action, long commentId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "action = ?1 and subjectType = 'comment' and subjectId = ?2", action, Long.toString(commentId)));
    }
}
