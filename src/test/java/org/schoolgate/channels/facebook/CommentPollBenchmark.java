package org.schoolgate.channels.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.ChannelAccess;
import org.schoolgate.channels.ChannelCredentials;
import org.schoolgate.channels.CommentSweep;
import org.schoolgate.channels.GraphEndpoint;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.PublishJournal;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.StandaloneSimulator;

/**
 * The comment-poll benchmark (README): a simulated Page with 1,000 posts and 100,000 comments,
 * polled in full by the real facebook4j adapter. Prints Graph calls made against the minimum
 * possible with pages of 100, and the wall time. Run with
 * {@code ./mvnw -B -ntp verify -Dtest=CommentPollBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * {@link CommentSweepTest} runs the same check on a small page in every build.
 */
class CommentPollBenchmark {

    static final int POSTS = Integer.getInteger("benchmark.posts", 1_000);
    static final int COMMENTS = Integer.getInteger("benchmark.comments", 100_000);

    @Test
    void fullCommentPollMakesAtMostOnePointTwoTimesTheMinimumCalls() {
        Figures f = run(POSTS, COMMENTS, 42);
        System.out.printf("%nComment poll benchmark: %,d posts, %,d comments%n", POSTS, COMMENTS);
        System.out.printf("  Graph calls made:      %,d (post pages %,d + comment pages %,d)%n", f.calls,
                f.postPages, f.calls - f.postPages);
        System.out.printf("  Minimum (pages of 100): %,d%n", f.minimum);
        System.out.printf("  Ratio:                 %.3f (target <= 1.2)%n", (double) f.calls / f.minimum);
        System.out.printf("  Wall time:             %,d ms (seeding excluded)%n%n", f.millis);
        assertThat(f.comments).isEqualTo(COMMENTS);
        assertThat((double) f.calls / f.minimum).isLessThanOrEqualTo(1.2);
    }

    record Figures(long calls, long postPages, long minimum, long comments, long millis) {
    }

    /** Seeds a page with comments spread unevenly (some posts none, some hundreds), then polls it. */
    static Figures run(int posts, int comments, long seed) {
        try (StandaloneSimulator sim = new StandaloneSimulator()) {
            sim.world.journalEnabled(false);
            sim.world.callsPerHour(Integer.MAX_VALUE);
            Random random = new Random(seed);
            int[] perPost = new int[posts];
            for (int i = 0; i < comments; i++) {
                int p = random.nextInt(4) == 0 ? random.nextInt(posts) : random.nextInt(Math.max(1, posts / 4));
                perPost[p]++;
            }
            Instant start = sim.now().minus(Duration.ofDays(posts + 1L));
            List<GraphWorld.Post> created = new ArrayList<>();
            long minimum = (posts + 99) / 100;
            for (int i = 0; i < posts; i++) {
                GraphWorld.Post post = sim.world.addPost(StandaloneSimulator.PAGE, "Post " + i,
                        start.plus(Duration.ofDays(i)), List.of());
                created.add(post);
                for (int c = 0; c < perPost[i]; c++) {
                    sim.world.addComment(post.id(), "70010000" + (c % 5000), "Parent " + c, "Comment " + c,
                            start.plus(Duration.ofDays(i)).plusSeconds(c + 1L));
                }
                minimum += (perPost[i] + 99) / 100;
            }
            GraphEndpoint endpoint = new GraphEndpoint(sim.simulator.graphBaseUrl(), StandaloneSimulator.APP_ID,
                    Optional.of(StandaloneSimulator.APP_SECRET), 30_000, false);
            FacebookPageConnector connector = new FacebookPageConnector(endpoint, new ChannelAccess(
                    Platform.FACEBOOK_PAGE, StandaloneSimulator.PAGE, ChannelCredentials.token(StandaloneSimulator.TOKEN),
                    PublishJournal.inMemory()));
            AtomicLong seen = new AtomicLong();
            long t0 = System.nanoTime();
            CommentSweep.Result r = CommentSweep.sweep(connector, start.minusSeconds(1), Instant.EPOCH,
                    c -> seen.incrementAndGet());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            return new Figures(r.calls(), r.postPages(), minimum, seen.get(), millis);
        }
    }
}
