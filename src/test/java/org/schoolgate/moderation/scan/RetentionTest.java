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
import org.junit.jupiter.api.Test;
import org.schoolgate.audit.AuditEvent;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;

/** The daily purge: old unflagged text and author names go; flagged comments, evidence and young ones stay. */
@QuarkusTest
class RetentionTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    ScanService scans;

    @Inject
    RetentionService retention;

    @Inject
    EvidenceService evidence;

    @Test
    void oldUnflaggedTextIsPurgedAndFlaggedEvidencedAndYoungCommentsAreKept() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(simulator.running().orElseThrow().world(), cipher, "Retention");
        GraphWorld.Post post = s.post("Summer fair", hoursAgo(12));
        GraphWorld.Comment old = s.comment(post.id(), "Sarah Mitchell", "Lovely afternoon, thank you", hoursAgo(11));
        GraphWorld.Comment oldFlagged = s.comment(post.id(), "Kev Wright", CommentScanTest.THREAT, hoursAgo(10));
        GraphWorld.Comment oldWithEvidence = s.comment(post.id(), "Mark Evans", "Who took my son's coat?", hoursAgo(9));
        GraphWorld.Comment young = s.comment(post.id(), "Priya Shah", "Great photos, thank you for sharing.", hoursAgo(8));
        ScanFixtures.scanNow(scans, s.schoolId());
        List<ScannedComment> stored = ScanFixtures.stored(s.channelId());
        long evidenced = id(stored, oldWithEvidence.id());
        evidence.capture(s.schoolId(), evidenced, "head@school.example");
        // 31 days on for all but the young one (30 days is the default period; 29 days old stays)
        ageBy(List.of(id(stored, old.id()), id(stored, oldFlagged.id()), evidenced), Duration.ofDays(31));
        ageBy(List.of(id(stored, young.id())), Duration.ofDays(29));

        Map<Long, Long> purged = retention.purge();
        Map<Long, Long> again = retention.purge();

        assertThat(purged).containsEntry(s.schoolId(), 1L);
        assertThat(again).doesNotContainKey(s.schoolId());
        List<ScannedComment> after = ScanFixtures.stored(s.channelId());
        ScannedComment gone = find(after, old.id());
        assertThat(gone.text).isNull();
        assertThat(gone.authorName).isNull();
        assertThat(gone.textPurgedAt).isNotNull();
        assertThat(gone.platformCommentId).isEqualTo(old.id());
        assertThat(find(after, oldFlagged.id()).text).isEqualTo(CommentScanTest.THREAT);
        assertThat(find(after, oldFlagged.id()).authorName).isEqualTo("Kev Wright");
        assertThat(find(after, oldWithEvidence.id()).text).isEqualTo("Who took my son's coat?");
        assertThat(find(after, young.id()).text).isEqualTo("Great photos, thank you for sharing.");
        assertThat(after).filteredOn(c -> c.textPurgedAt != null).hasSize(1);
        assertThat(ScanFixtures.evidence(s.schoolId())).hasSize(2).allMatch(evidence::verify);
        List<AuditEvent> audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "action = 'comment.text-purged' and schoolId = ?1", s.schoolId()));
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.details).startsWith("1 unflagged comment(s)"));
    }

    static void ageBy(List<Long> ids, Duration d) {
        QuarkusTransaction.requiringNew().run(() -> ScannedComment.update("capturedAt = ?1 where id in ?2",
                Instant.now().minus(d), ids));
    }

    static long id(List<ScannedComment> stored, String platformId) {
        return find(stored, platformId).id;
    }

    static ScannedComment find(List<ScannedComment> stored, String platformId) {
        return stored.stream().filter(c -> c.platformCommentId.equals(platformId)).findFirst().orElseThrow();
    }
}
