package org.schoolgate.moderation.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolgate.moderation.scan.ScanFixtures.hoursAgo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.audit.AuditEvent;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.support.OtherSchool;

/** Evidence records: captured once, canonical JSON, SHA-256 that detects a change, and never updated or deleted. */
@QuarkusTest
class EvidenceServiceTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    ScanService scans;

    @Inject
    EvidenceService evidence;

    @Inject
    EntityManager em;

    ScanFixtures.Setup scanned() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(simulator.running().orElseThrow().world(), cipher, "Evidence");
        GraphWorld.Post post = s.post("Christmas jumper day", hoursAgo(6));
        s.comment(post.id(), "Olu Adeyemi", "Can we pay online?", hoursAgo(5));
        ScanFixtures.scanNow(scans, s.schoolId());
        return s;
    }

    @Test
    void captureIsIdempotentScopedToTheSchoolAndAudited() throws Exception {
        ScanFixtures.Setup s = scanned();
        ScannedComment c = ScanFixtures.stored(s.channelId()).get(0);
        assertThat(evidence.forComment(s.schoolId(), c.id)).isEmpty();

        EvidenceRecord first = evidence.capture(s.schoolId(), c.id, "dsl@school.example");
        EvidenceRecord second = evidence.capture(s.schoolId(), c.id, "head@school.example");

        assertThat(second.id).isEqualTo(first.id);
        assertThat(second.capturedBy).isEqualTo("dsl@school.example");
        assertThat(evidence.forComment(s.schoolId(), c.id)).get().extracting(r -> r.id).isEqualTo(first.id);
        long other = OtherSchool.create().id;
        assertThatThrownBy(() -> evidence.capture(other, c.id, "x")).isInstanceOf(NotFoundException.class);
        assertThat(evidence.forComment(other, c.id)).isEmpty();
        List<AuditEvent> audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "action = 'comment.evidence-captured' and subjectId = ?1", Long.toString(c.id)));
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.details).contains(first.sha256));
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalJsonAndAnyChangeShows() throws Exception {
        ScanFixtures.Setup s = scanned();
        ScannedComment c = ScanFixtures.stored(s.channelId()).get(0);
        EvidenceRecord r = evidence.capture(s.schoolId(), c.id, "head@school.example");

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(r.recordJson.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.sha256).isEqualTo(expected).hasSize(64);
        assertThat(evidence.verify(r)).isTrue();
        assertThat(r.recordJson).startsWith("{\"capturedAt\":\"" + r.capturedAt + "\",\"capturedBy\":\"head@school.example\"")
                .contains("\"text\":\"Can we pay online?\"", "\"name\":\"Olu Adeyemi\"", "\"text\":\"Christmas jumper day\"",
                        "\"platform\":\"FACEBOOK_PAGE\"", "\"schema\":\"schoolgate-evidence/1\"", "\"readAt\":\"" + c.capturedAt);
        ScannedPost post = QuarkusTransaction.requiringNew().call(() -> ScannedPost.find(s.channelId(),
                c.platformPostId).orElseThrow());
        Channel channel = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(s.channelId()));
        assertThat(EvidenceService.canonicalJson(c, post, channel, r.capturedAt, r.capturedBy))
                .as("the same record always gives the same bytes").isEqualTo(r.recordJson);

        EvidenceRecord tampered = new EvidenceRecord();
        tampered.recordJson = r.recordJson.replace("Can we pay online?", "Can we pay online!");
        tampered.sha256 = r.sha256;
        assertThat(evidence.verify(tampered)).isFalse();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEvidence() throws Exception {
        ScanFixtures.Setup s = scanned();
        ScannedComment c = ScanFixtures.stored(s.channelId()).get(0);
        EvidenceRecord r = evidence.capture(s.schoolId(), c.id, "head@school.example");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update evidence_record set record_json = '{}' where id = " + r.id).executeUpdate()))
                .hasStackTraceContaining("evidence_record is append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from evidence_record where id = " + r.id).executeUpdate()))
                .hasStackTraceContaining("evidence_record is append-only");
        assertThat(evidence.forComment(s.schoolId(), c.id)).get().satisfies(x -> {
            assertThat(x.recordJson).isEqualTo(r.recordJson);
            assertThat(evidence.verify(x)).isTrue();
        });
    }

    @Test
    void aPurgedCommentCannotBeCaptured() throws Exception {
        ScanFixtures.Setup s = scanned();
        ScannedComment c = ScanFixtures.stored(s.channelId()).get(0);
        QuarkusTransaction.requiringNew().run(() -> ScannedComment.update(
                "text = null, authorName = null, textPurgedAt = ?1 where id = ?2", java.time.Instant.now(), c.id));

        assertThatThrownBy(() -> evidence.capture(s.schoolId(), c.id, "head@school.example"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("purged");
        assertThat(evidence.forComment(s.schoolId(), c.id)).isEmpty();
    }
}
