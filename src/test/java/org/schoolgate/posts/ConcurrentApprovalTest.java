package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.consent.Pupil;
import org.schoolgate.consent.Purpose;
import org.schoolgate.posts.PostChecks.Step;
import org.schoolgate.staff.Role;
import org.schoolgate.support.Api;
import org.schoolgate.support.Forms;

/** Two headteachers approve the same post at the same moment: one wins, the other is told who did. */
@QuarkusTest
class ConcurrentApprovalTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    PostChecks checks;

    final ExecutorService pool = Executors.newFixedThreadPool(2);
    PostFixtures.Channels channels;
    Pupil pupil;
    String deputy;

    @BeforeEach
    void setUp() {
        long school = PostFixtures.demoSchoolId();
        channels = PostFixtures.channels(simulator.running().orElseThrow().world(), cipher, school);
        pupil = PostFixtures.pupil(school, "Leo", PostFixtures.uniqueSurname("Raceford"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME));
        deputy = PostFixtures.staff(school, "Dee Deputy", Role.HEADTEACHER);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    long signedOff() {
        long id = PostFixtures.draft("office", PostFixtures.unique("Race day "), List.of(channels.facebook()));
        long image = PostFixtures.addImage("office", id, TestImages.phoneJpeg(320, 240, 1));
        PostFixtures.tag("office", id, image, List.of(pupil.id), false);
        PostFixtures.submit("office", id);
        PostFixtures.signOff("staff", id);
        return id;
    }

    List<Response> atOnce(List<Callable<Response>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        List<Future<Response>> futures = new ArrayList<>();
        for (Callable<Response> c : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return c.call();
            }));
        }
        List<Response> out = new ArrayList<>();
        for (Future<Response> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    static long approvals(long postId) {
        return QuarkusTransaction.requiringNew().call(() -> PostEvent.count("postId = ?1 and action = 'approved'", postId));
    }

    @Test
    void throughTheApiOneApprovalWinsAndTheOtherGets409NamingWhoActed() throws Exception {
        for (int round = 0; round < 3; round++) {
            long id = signedOff();
            long version = PostFixtures.load(id).version;
            List<Response> answers = atOnce(List.of(
                    () -> Api.as("head").contentType(ContentType.JSON).body(Map.of("version", version))
                            .post("/api/posts/" + id + "/approve"),
                    () -> PostFixtures.as(deputy).contentType(ContentType.JSON).body(Map.of("version", version))
                            .post("/api/posts/" + id + "/approve")));
            List<Integer> codes = answers.stream().map(Response::statusCode).sorted().toList();
            assertThat(codes).as("round " + round).containsExactly(200, 409);
            Response winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            Response loser = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            String who = winner.jsonPath().getString("approvedBy");
            assertThat(who).isIn("Helen Head", "Dee Deputy");
            assertThat(loser.jsonPath().getString("detail")).contains(who).contains("approved")
                    .contains("acted on this post first");
            assertThat(approvals(id)).isEqualTo(1);
            assertThat(PostFixtures.audit("post.approved", id)).isEqualTo(1);
            assertThat(PostFixtures.load(id).approvedByName).isEqualTo(who);
        }
    }

    /**
     * The narrowest race: both approvals have read the same version and passed every check before either
     * writes. The row version lets the first commit win; the second fails at its flush and is told.
     */
    @Test
    void whenBothHavePassedTheChecksTheRowVersionDecides() throws Exception {
        long id = signedOff();
        PostChecks real = (PostChecks) io.quarkus.arc.ClientProxy.unwrap(checks);
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        QuarkusMock.installMockForType(new PostChecks() {
            @Override
            public CheckReport check(Post post, List<PostImage> images, List<PostTarget> targets, Step step,
                                     java.time.Instant now) {
                CheckReport r = real.check(post, images, targets, step, now);
                if (step == Step.APPROVAL) {
                    try {
                        bothChecked.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return r;
            }
        }, PostChecks.class);
        List<Response> answers = atOnce(List.of(
                () -> Api.as("head").contentType(ContentType.JSON).body(Map.of()).post("/api/posts/" + id + "/approve"),
                () -> PostFixtures.as(deputy).contentType(ContentType.JSON).body(Map.of())
                        .post("/api/posts/" + id + "/approve")));
        assertThat(answers.stream().map(Response::statusCode).sorted().toList()).containsExactly(200, 409);
        String who = PostFixtures.load(id).approvedByName;
        assertThat(answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow().jsonPath()
                .getString("detail")).contains(who + " acted on this post first (approved");
        assertThat(approvals(id)).isEqualTo(1);
        assertThat(PostFixtures.audit("post.approved", id)).isEqualTo(1);
    }

    @Test
    void onThePageTheLoserIsToldInTheFlashWhoApprovedIt() throws Exception {
        long id = signedOff();
        long version = PostFixtures.load(id).version;
        List<Response> answers = atOnce(List.of(
                () -> Forms.as("head").formParam("version", version).post("/posts/" + id + "/approve"),
                () -> PostFixtures.as(deputy).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                        .cookie("csrf", Forms.TOKEN).formParam("_csrf", Forms.TOKEN).formParam("version", version)
                        .post("/posts/" + id + "/approve")));
        List<String> flashes = answers.stream().map(r -> {
            assertThat(r.statusCode()).isEqualTo(303);
            return URLDecoder.decode(r.getCookie("flash"), StandardCharsets.UTF_8);
        }).toList();
        assertThat(flashes).filteredOn(f -> f.startsWith("I")).singleElement().asString().contains("Approved");
        String winner = PostFixtures.load(id).approvedByName;
        assertThat(flashes).filteredOn(f -> f.startsWith("E")).singleElement().asString()
                .contains("Not approved").contains(winner + " acted on this post first");
        assertThat(approvals(id)).isEqualTo(1);
    }
}
