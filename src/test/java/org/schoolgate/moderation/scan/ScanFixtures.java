package org.schoolgate.moderation.scan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelFixtures;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.support.OtherSchool;

/** Test data for the scan: a school of its own with a simulated Page, posts and comments in domain words. */
final class ScanFixtures {

    private ScanFixtures() {
    }

    /** A school (no demo data, so demo-school scans never touch it) with one active Facebook channel. */
    record Setup(OtherSchool school, Channel channel, ChannelFixtures.SimPage page, GraphWorld world) {

        long schoolId() {
            return school.id;
        }

        GraphWorld.Post post(String text, Instant created) {
            return world.addPost(page.pageId(), text, created, List.of());
        }

        GraphWorld.Comment comment(String onId, String author, String text, Instant created) {
            return world.addComment(onId, "7001" + Math.abs(author.hashCode()), author, text, created);
        }

        long channelId() {
            return channel.id;
        }
    }

    static Setup schoolWithPage(GraphWorld world, CredentialCipher cipher, String name) {
        return schoolWithPage(world, cipher, name, ChannelKind.OFFICIAL);
    }

    static Setup schoolWithPage(GraphWorld world, CredentialCipher cipher, String name, ChannelKind kind) {
        OtherSchool school = OtherSchool.create();
        ChannelFixtures.SimPage page = ChannelFixtures.simulatedPage(world, name);
        Channel c = ChannelFixtures.activeChannel(cipher, school.id, Platform.FACEBOOK_PAGE, page.pageId(), kind,
                page.token());
        return new Setup(school, c, page, world);
    }

    static Instant hoursAgo(long h) {
        return Instant.now().minus(Duration.ofHours(h)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    static List<ScannedComment> stored(long channelId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ScannedComment.<ScannedComment>list("channelId = ?1 order by id", channelId));
    }

    static List<ReviewItem> flaggedItems(long schoolId) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>list(
                "schoolId = ?1 and kind = ?2 order by id", schoolId, ReviewKind.FLAGGED_COMMENT));
    }

    static List<EvidenceRecord> evidence(long schoolId) {
        return QuarkusTransaction.requiringNew().call(() ->
                EvidenceRecord.<EvidenceRecord>list("schoolId = ?1 order by id", schoolId));
    }

    static ChannelScanState state(long channelId) {
        return QuarkusTransaction.requiringNew().call(() -> ChannelScanState.<ChannelScanState>findById(channelId));
    }

    static ScanRun run(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> ScanRun.<ScanRun>findById(runId));
    }

    /** Starts an on-demand scan and waits for it to end; returns the finished run. */
    static ScanRun scanNow(ScanService scans, long schoolId) throws InterruptedException {
        if (!scans.awaitIdle(schoolId, 60_000)) {
            throw new AssertionError("a scan of school " + schoolId + " was still running");
        }
        ScanRun started = scans.start(schoolId, "test@scan.school");
        if (!scans.awaitIdle(schoolId, 120_000)) {
            throw new AssertionError("the scan did not finish in time");
        }
        return run(started.id);
    }
}
