package org.schoolgate.channels.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.ChannelAccess;
import org.schoolgate.channels.ChannelCredentials;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelException.Kind;
import org.schoolgate.channels.Capabilities.Operation;
import org.schoolgate.channels.OutgoingPost;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.channels.PublishJournal;
import org.schoolgate.channels.Slice;
import org.schoolgate.channels.simulator.Fault;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.RealHostGuard;
import org.schoolgate.channels.simulator.StandaloneSimulator;

/** The real instagram4j (OkHttp, encrypted login) against the simulator's private-API surface. */
class Instagram4jConnectorTest {

    final StandaloneSimulator sim = new StandaloneSimulator();

    @AfterEach
    void close() {
        sim.close();
        assertThat(RealHostGuard.violations()).isEmpty();
    }

    Instagram4jConnector connector(String username) {
        return new Instagram4jConnector(sim.simulator.baseUrl(), false, new ChannelAccess(Platform.INSTAGRAM_PRIVATE,
                username, ChannelCredentials.login(username, "correct horse"), PublishJournal.inMemory()));
    }

    @Test
    void logsInReadsTheFeedAndPagesThroughComments() {
        sim.media("Too old", Duration.ofDays(60));
        String[] texts = new String[25];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "Comment " + i;
        }
        GraphWorld.Media m = sim.media("Nature walk", Duration.ofDays(1), texts);
        Instagram4jConnector ig = connector("testprimary");
        List<PlatformPost> posts = ig.listPosts(sim.now().minus(Duration.ofDays(30)), Optional.empty()).items();
        assertThat(posts).extracting(PlatformPost::text).containsExactly("Nature walk");
        assertThat(posts.get(0).commentCount()).isEqualTo(25);
        List<PlatformComment> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Slice<PlatformComment> page = ig.listComments(posts.get(0).id(), sim.now().minus(Duration.ofDays(2)), cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertThat(pages).isEqualTo(2);
        assertThat(all).hasSize(25).extracting(c -> c.author().orElseThrow().displayName()).contains("parent_0");
        assertThat(sim.world.journal()).anySatisfy(e -> assertThat(e.path()).isEqualTo("/api/v1/accounts/login/"));
        assertThat(m.id()).isNotBlank();
    }

    @Test
    void repliesAndRefusesWhatThePrivateApiAdapterMayNotDo() {
        GraphWorld.Media m = sim.media("Art club", Duration.ofHours(5), "Lovely work");
        Instagram4jConnector ig = connector("testprimary");
        PlatformPost post = ig.listPosts(sim.now().minus(Duration.ofDays(1)), Optional.empty()).items().get(0);
        PlatformComment c = ig.listComments(post.id(), sim.now().minus(Duration.ofDays(1)), Optional.empty())
                .items().get(0);
        ig.reply(c.id(), "Thank you!");
        assertThat(sim.world.commentsOn(m.id())).extracting(GraphWorld.Comment::text).contains("Thank you!");
        assertThat(ig.capabilities().can(Operation.HIDE)).isFalse();
        assertThat(ig.capabilities().can(Operation.PUBLISH)).isFalse();
        assertThat(ig.capabilities().can(Operation.DELETE_POST)).isFalse();
        assertThatThrownBy(() -> ig.deletePost(post.id())).extracting(e -> ((ChannelException) e).kind())
                .isEqualTo(Kind.INVALID_REQUEST);
        assertThat(sim.world.mediaOf(StandaloneSimulator.IG)).extracting(GraphWorld.Media::id).contains(m.id());
        assertThatThrownBy(() -> ig.setHidden(c.id(), true)).extracting(e -> ((ChannelException) e).kind())
                .isEqualTo(Kind.INVALID_REQUEST);
        assertThatThrownBy(() -> ig.publish(new OutgoingPost("k", "x", List.of())))
                .isInstanceOf(ChannelException.class);
    }

    @Test
    void privateApiFailuresMapToTheSameErrorKinds() {
        sim.media("Trip", Duration.ofHours(5), "ok");
        assertThatThrownBy(() -> connector("nobody").listPosts(sim.now(), Optional.empty()))
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.AUTH_REVOKED);
        Instagram4jConnector ig = connector("testprimary");
        ig.listPosts(sim.now().minus(Duration.ofDays(1)), Optional.empty());
        sim.world.addFault(Fault.privateFail(400, "feedback_required").on("GET", "/api/v1/feed/"));
        ChannelException limited = org.junit.jupiter.api.Assertions.assertThrows(ChannelException.class,
                () -> ig.listPosts(sim.now(), Optional.empty()));
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isPresent();
        sim.world.addFault(Fault.privateFail(403, "login_required").on("GET", "/api/v1/feed/"));
        assertThatThrownBy(() -> ig.listPosts(sim.now(), Optional.empty()))
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.AUTH_REVOKED);
        assertThat(ig.health().tokenValid()).as("the session itself is still logged in").isTrue();
    }

    @Test
    void refusesToTalkToInstagramItselfOutsideProduction() {
        assertThatThrownBy(() -> new Instagram4jConnector("https://i.instagram.com", false, new ChannelAccess(
                Platform.INSTAGRAM_PRIVATE, "x", ChannelCredentials.login("x", "y"), PublishJournal.inMemory())))
                .hasMessageContaining("outside production");
    }
}
