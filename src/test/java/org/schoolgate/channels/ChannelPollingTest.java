package org.schoolgate.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.simulator.Fault;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.RealHostGuard;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;

@QuarkusTest
class ChannelPollingTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    ChannelPollService polling;

    @Inject
    TokenCheckService tokens;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    @AfterEach
    void noFaultsLeftAndNoRealHosts() {
        world().clearFaults();
        assertThat(RealHostGuard.violations()).isEmpty();
    }

    Channel channelWithPosts(String name, int posts) {
        ChannelFixtures.SimPage page = ChannelFixtures.simulatedPage(world(), name);
        for (int i = 0; i < posts; i++) {
            world().addPost(page.pageId(), name + " post " + i, Instant.now().minus(Duration.ofMinutes(500 - i)),
                    List.of());
        }
        return ChannelFixtures.activeChannel(cipher, ChannelFixtures.demoSchoolId(), Platform.FACEBOOK_PAGE,
                page.pageId(), ChannelKind.OFFICIAL, page.token());
    }

    static List<ReviewItem> items(long channelId, ReviewKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>list("channelId = ?1 and kind = ?2",
                channelId, kind));
    }

    static Channel reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(id));
    }

    long callsFor(Channel c) {
        return world().journal().stream().filter(e -> e.path().contains(c.accountId)).count();
    }

    @Test
    void anOutOfWorkflowPostIsRaisedExactlyOnceAndAPublishedOneNever() {
        Channel c = channelWithPosts("Reconcile", 2);
        List<String> ids = world().postsOf(c.accountId).stream().map(GraphWorld.Post::id).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            ChannelPublication p = new ChannelPublication();
            p.schoolId = c.schoolId;
            p.channelId = c.id;
            p.idempotencyKey = "published-by-us";
            p.platformPostId = ids.get(0);
            p.createdAt = Instant.now();
            p.persist();
        });
        polling.pollOne(c.id);
        polling.pollOne(c.id);
        GraphWorld.Post late = world().addPost(c.accountId, "Posted straight on Facebook", Instant.now(), List.of());
        polling.pollOne(c.id);
        polling.pollOne(c.id);
        assertThat(items(c.id, ReviewKind.OUT_OF_WORKFLOW_POST)).extracting(i -> i.subjectId)
                .containsExactlyInAnyOrder("channel " + c.id + " post " + ids.get(1),
                        "channel " + c.id + " post " + late.id());
        assertThat(reload(c.id).postWatermark).isNotNull();
    }

    @Test
    void oneFailingChannelDoesNotStopTheOthersAndAnExpiredTokenNeedsReconnectWithoutRetries() {
        Channel broken = channelWithPosts("Broken", 1);
        Channel healthy = channelWithPosts("Healthy", 1);
        world().addFault(Fault.expireToken().on("GET", broken.accountId + "/posts"));
        polling.pollAll();
        assertThat(reload(broken.id).status).isEqualTo(ChannelStatus.NEEDS_RECONNECT);
        assertThat(items(broken.id, ReviewKind.CHANNEL_PROBLEM)).singleElement()
                .satisfies(i -> assertThat(i.summary).contains("expired"));
        assertThat(items(healthy.id, ReviewKind.OUT_OF_WORKFLOW_POST)).hasSize(1);
        long calls = callsFor(broken);
        polling.pollAll();
        polling.pollAll();
        assertThat(callsFor(broken)).as("no retry storm").isEqualTo(calls);
        assertThat(items(broken.id, ReviewKind.CHANNEL_PROBLEM)).hasSize(1);
    }

    @Test
    void aRevokedTokenIsCalledOnceAndNeverRetried() {
        Channel c = channelWithPosts("Revoked", 1);
        String token = cipher.decrypt(c.credentialsCipher, c.id).accessToken();
        world().revoke(token);
        polling.pollOne(c.id);
        assertThat(world().journal().stream().filter(e -> token.equals(e.token()))).hasSize(1);
        assertThat(reload(c.id).status).isEqualTo(ChannelStatus.NEEDS_RECONNECT);
    }

    @Test
    void aRateLimitBacksOffForTheTimeThePlatformGivesAndResumesFromTheCursor() {
        Channel c = channelWithPosts("Throttled", 150);
        world().addFault(Fault.rateLimit(80001, 30).on("GET", c.accountId + "/posts").atCall(2));
        polling.pollOne(c.id);
        Channel after = reload(c.id);
        assertThat(after.postCursor).isNotNull();
        assertThat(after.backoffUntil).isBetween(Instant.now().plus(Duration.ofMinutes(29)),
                Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(items(c.id, ReviewKind.OUT_OF_WORKFLOW_POST)).hasSize(100);
        long calls = callsFor(c);
        assertThat(polling.pollOne(c.id).result()).startsWith("backing off");
        assertThat(callsFor(c)).isEqualTo(calls);
        QuarkusTransaction.requiringNew().run(() -> Channel.<Channel>findById(c.id).backoffUntil =
                Instant.now().minusSeconds(1));
        polling.pollOne(c.id);
        assertThat(world().journal()).filteredOn(e -> e.path().contains(c.accountId + "/posts")).last()
                .satisfies(e -> assertThat(e.param("after")).isEqualTo(after.postCursor));
        assertThat(items(c.id, ReviewKind.OUT_OF_WORKFLOW_POST)).hasSize(150);
        assertThat(reload(c.id).postCursor).isNull();
    }

    @Test
    void aTransientFailureIsRetriedWithJitterAndThePollSucceeds() {
        Channel c = channelWithPosts("Flaky", 1);
        world().addFault(Fault.transientError().on("GET", c.accountId + "/posts"));
        polling.pollOne(c.id);
        assertThat(world().journal()).filteredOn(e -> e.path().contains(c.accountId + "/posts"))
                .extracting(e -> e.status()).containsExactly(500, 200);
        assertThat(items(c.id, ReviewKind.OUT_OF_WORKFLOW_POST)).hasSize(1);
    }

    @Test
    void theDailyTokenCheckWarnsOnceBeforeExpiry() {
        ChannelFixtures.SimPage page = ChannelFixtures.simulatedPage(world(), "Expiring");
        String token = "EAAB-expiring-" + page.pageId();
        world().addToken(token, org.schoolgate.channels.simulator.SimToken.Type.PAGE, page.pageId(),
                org.schoolgate.channels.simulator.SimToken.PAGE_SCOPES, Instant.now().plus(Duration.ofDays(5)));
        Channel c = ChannelFixtures.activeChannel(cipher, ChannelFixtures.demoSchoolId(), Platform.FACEBOOK_PAGE,
                page.pageId(), ChannelKind.OFFICIAL, token);
        tokens.checkOne(c.id);
        tokens.checkOne(c.id);
        assertThat(items(c.id, ReviewKind.CHANNEL_PROBLEM)).singleElement()
                .satisfies(i -> assertThat(i.summary).contains("expires"));
        assertThat(reload(c.id).tokenExpiresAt).isNotNull();
        assertThat(reload(c.id).status).isEqualTo(ChannelStatus.ACTIVE);
    }
}
