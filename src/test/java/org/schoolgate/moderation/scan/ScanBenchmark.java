package org.schoolgate.moderation.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.consent.Pupil;

/**
 * The overnight-scan benchmark (docs-scan.md): a simulated Page with 1,000 posts and 100,000 new
 * comments and replies (spread unevenly; 2 % harmful, as a school's page might see on a bad month), scanned
 * end to end through the real facebook4j adapter, the classifier with a 300-pupil roster, and
 * PostgreSQL: stored, classified, flagged ones with evidence and review items. Prints the wall time
 * and comments/s. Not part of the suite (the class name does not end in Test); run with
 * {@code ./mvnw -B -ntp verify -Dtest=ScanBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
class ScanBenchmark {

    static final int POSTS = Integer.getInteger("benchmark.posts", 1_000);
    static final int COMMENTS = Integer.getInteger("benchmark.comments", 100_000);

    static final List<String> ORDINARY = List.of("Brilliant, thank you to all the staff!",
            "My daughter loved every minute of it.", "Such a lovely day, well done everyone.", "Thanks for the reminder!",
            "Is breakfast club running the week after?", "What time does it finish please?",
            "Thank you for organising this, it must have taken ages.", "Can we send donations in on Friday instead?",
            "Great photos, thank you for sharing.", "So proud of the whole year group.",
            "Where can we find the consent form?", "Do they need to bring a packed lunch?",
            "Is there a letter about this? I can't find it in the book bag.", "Could the newsletter go out by email as well please?",
            "Will there be a signing-up sheet?", "Can siblings come along too?", "Please can you confirm the date again?",
            "Such a shame we missed it, hope there are more photos.", "Where do we drop the tins off?",
            "Can we pay the deposit online?");
    static final List<String> HARMFUL = List.of(CommentScanTest.THREAT, CommentScanTest.INSULT, CommentScanTest.HATE,
            "Mr Hughes is a useless idiot and should be sacked. Total waste of space.",
            "Tell Jayden Smith's dad (07700 900456) to pick his kid up on time for once.",
            "Stupid rule. Whoever came up with it is a moron.");

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    ScanService scans;

    @Test
    void fullScanOfAHundredThousandNewComments() throws Exception {
        GraphWorld world = simulator.running().orElseThrow().world();
        world.journalEnabled(false);
        world.callsPerHour(Integer.MAX_VALUE);
        try {
            ScanFixtures.Setup s = ScanFixtures.schoolWithPage(world, cipher, "Benchmark");
            roster(s.schoolId(), 300);
            long harmful = seed(s, POSTS, COMMENTS, 42);

            long t0 = System.nanoTime();
            ScanRun run = ScanFixtures.scanNow(scans, s.schoolId());
            long millis = (System.nanoTime() - t0) / 1_000_000;

            assertThat(run.status).isEqualTo(ScanStatus.COMPLETED);
            assertThat(run.commentsNew).isEqualTo(COMMENTS);
            long stored = QuarkusTransaction.requiringNew().call(() -> ScannedComment.count("channelId", s.channelId()));
            long items = ScanFixtures.flaggedItems(s.schoolId()).size();
            long records = QuarkusTransaction.requiringNew().call(() -> EvidenceRecord.count("schoolId", s.schoolId()));
            assertThat(stored).isEqualTo(COMMENTS);
            assertThat(items).isEqualTo(run.flagged).isEqualTo(records);

            QuarkusTransaction.requiringNew().run(() -> ChannelScanState.update(
                    "commentWatermark = null where channelId = ?1", s.channelId()));
            long t1 = System.nanoTime();
            ScanRun again = ScanFixtures.scanNow(scans, s.schoolId());
            long rescanMillis = (System.nanoTime() - t1) / 1_000_000;
            assertThat(again.commentsRead).isEqualTo(COMMENTS);
            assertThat(again.commentsNew).isZero();

            System.out.printf("%nScan benchmark: %,d posts, %,d new comments and replies (%,d written harmful)%n",
                    POSTS, COMMENTS, harmful);
            System.out.printf("  Full scan, end to end:   %,d ms (target < 60,000 ms)%n", millis);
            System.out.printf("  Throughput:              %,.0f comments/s%n", COMMENTS * 1000.0 / millis);
            System.out.printf("  Stored / flagged:        %,d / %,d (each flagged: evidence + review item)%n", stored,
                    run.flagged);
            System.out.printf("  Re-scan, watermark reset: %,d ms, %,d read, %,d new%n%n", rescanMillis,
                    again.commentsRead, again.commentsNew);
        } finally {
            world.journalEnabled(true);
            world.callsPerHour(4800);
        }
    }

    static void roster(long schoolId, int pupils) {
        QuarkusTransaction.requiringNew().run(() -> {
            Random r = new Random(7);
            String[] first = {"Ava", "Oliver", "Amelia", "Noah", "Isla", "George", "Mia", "Leo", "Ellie", "Jayden"};
            String[] last = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Martin", "Clarke", "Hughes"};
            for (int i = 0; i < pupils; i++) {
                Pupil p = new Pupil();
                p.schoolId = schoolId;
                p.misId = "B" + i;
                p.firstName = first[r.nextInt(first.length)];
                p.surname = last[r.nextInt(last.length)] + (i % 30 == 0 ? "" : "-" + i);
                p.createdAt = Instant.now();
                p.updatedAt = Instant.now();
                p.persist();
            }
        });
    }

    /** Comments spread unevenly (some posts none, some hundreds); every fifth a reply; 1 in 50 harmful. */
    static long seed(ScanFixtures.Setup s, int posts, int comments, long seed) {
        Random random = new Random(seed);
        int[] perPost = new int[posts];
        for (int i = 0; i < comments; i++) {
            int p = random.nextInt(4) == 0 ? random.nextInt(posts) : random.nextInt(Math.max(1, posts / 4));
            perPost[p]++;
        }
        Instant start = Instant.now().minus(Duration.ofDays(80));
        long harmful = 0;
        for (int i = 0; i < posts; i++) {
            Instant postedAt = start.plusSeconds(i * 6_000L);
            GraphWorld.Post post = s.post("Post " + i + ": news from the week", postedAt);
            List<GraphWorld.Comment> top = new ArrayList<>();
            for (int c = 0; c < perPost[i]; c++) {
                boolean bad = random.nextInt(50) == 0;
                String text = bad ? HARMFUL.get(random.nextInt(HARMFUL.size())) : ORDINARY.get(random.nextInt(ORDINARY.size()));
                harmful += bad ? 1 : 0;
                String on = c % 5 == 4 && !top.isEmpty() ? top.get(random.nextInt(top.size())).id() : post.id();
                GraphWorld.Comment made = s.world().addComment(on, "70010000" + (c % 5000), "Parent " + (c % 5000),
                        text, postedAt.plusSeconds(c + 1L));
                if (on.equals(post.id())) {
                    top.add(made);
                }
            }
        }
        return harmful;
    }
}
