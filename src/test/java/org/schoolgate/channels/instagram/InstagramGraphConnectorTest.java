package org.schoolgate.channels.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.Capabilities;
import org.schoolgate.channels.ChannelAccess;
import org.schoolgate.channels.ChannelCredentials;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelException.Kind;
import org.schoolgate.channels.GraphEndpoint;
import org.schoolgate.channels.OutgoingPost;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.channels.PublishJournal;
import org.schoolgate.channels.PublishedPost;
import org.schoolgate.channels.simulator.Fault;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.RealHostGuard;
import org.schoolgate.channels.simulator.StandaloneSimulator;

/** facebook4j raw calls against the simulator's Instagram Graph endpoints. */
class InstagramGraphConnectorTest {

    final StandaloneSimulator sim = new StandaloneSimulator();
    final PublishJournal journal = PublishJournal.inMemory();

    @AfterEach
    void close() {
        sim.close();
        assertThat(RealHostGuard.violations()).isEmpty();
    }

    InstagramGraphConnector connector() {
        GraphEndpoint endpoint = new GraphEndpoint(sim.simulator.graphBaseUrl(), StandaloneSimulator.APP_ID,
                Optional.of(StandaloneSimulator.APP_SECRET), 1500, false);
        return new InstagramGraphConnector(endpoint, new ChannelAccess(Platform.INSTAGRAM, StandaloneSimulator.IG,
                ChannelCredentials.token(StandaloneSimulator.TOKEN), journal),
                image -> URI.create("http://127.0.0.1/public-media/" + image.fileName()), Duration.ZERO, 5);
    }

    static OutgoingPost photo(String key, String caption) {
        return new OutgoingPost(key, caption, List.of(new OutgoingPost.Image("a.jpg", "image/jpeg", new byte[] {1})));
    }

    @Test
    void listsMediaNewestFirstAndStopsAtSince() {
        sim.media("Old", Duration.ofDays(40));
        sim.media("Sports day", Duration.ofDays(2), "Amazing");
        sim.media("Book week", Duration.ofDays(1));
        List<PlatformPost> posts = connector().listPosts(sim.now().minus(Duration.ofDays(30)), Optional.empty()).items();
        assertThat(posts).extracting(PlatformPost::text).containsExactly("Book week", "Sports day");
        assertThat(posts.get(1).commentCount()).isEqualTo(1);
        assertThat(posts.get(1).permalink()).get().asString().startsWith("https://www.instagram.com/p/");
    }

    @Test
    void listsCommentsWithTheirRepliesAndModeratesThem() {
        GraphWorld.Media m = sim.media("Trip", Duration.ofHours(5), "Brilliant", "nasty words");
        String first = sim.world.commentsOn(m.id()).get(0).id();
        String nasty = sim.world.commentsOn(m.id()).get(1).id();
        String replyId = connector().reply(first, "Thank you!");
        List<PlatformComment> comments = connector().listComments(m.id(), sim.now().minus(Duration.ofDays(1)),
                Optional.empty()).items();
        assertThat(comments).extracting(PlatformComment::text).contains("Brilliant", "nasty words", "Thank you!");
        PlatformComment reply = comments.stream().filter(c -> c.id().equals(replyId)).findFirst().orElseThrow();
        assertThat(reply.parentId()).contains(first);
        assertThat(reply.canHide()).as("own comments cannot be hidden").isFalse();
        connector().setHidden(nasty, true);
        assertThat(sim.world.comment(nasty).orElseThrow().hidden()).isTrue();
        connector().deleteComment(nasty);
        assertThat(sim.world.comment(nasty).orElseThrow().deleted()).isTrue();
        assertThatThrownBy(() -> connector().deleteComment(nasty))
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void publishesThroughAContainerAndTheMediaAppears() {
        PublishedPost p = connector().publish(photo("ig-1", "Harvest festival"));
        assertThat(connector().listPosts(sim.now().minus(Duration.ofHours(1)), Optional.empty()).items())
                .extracting(PlatformPost::id).contains(p.platformPostId());
        assertThat(journal.find("ig-1").orElseThrow().containerId()).isPresent();
        assertThat(connector().publish(photo("ig-1", "Harvest festival"))).isEqualTo(p);
    }

    @Test
    void deletesOwnMediaSoItLeavesTheListingAndASecondDeleteIsNotFound() {
        PublishedPost p = connector().publish(photo("ig-del", "Wrong photo"));
        assertThat(connector().capabilities().can(Capabilities.Operation.DELETE_POST)).isTrue();
        connector().deletePost(p.platformPostId());
        assertThat(sim.world.mediaOf(StandaloneSimulator.IG)).extracting(GraphWorld.Media::id)
                .doesNotContain(p.platformPostId());
        assertThat(connector().listPosts(sim.now().minus(Duration.ofHours(1)), Optional.empty()).items())
                .extracting(PlatformPost::id).doesNotContain(p.platformPostId());
        assertThatThrownBy(() -> connector().deletePost(p.platformPostId()))
                .isInstanceOf(ChannelException.class).extracting(e -> ((ChannelException) e).kind())
                .isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void aCarouselBecomesOneMediaItem() {
        PublishedPost p = connector().publish(new OutgoingPost("ig-c", "Two photos", List.of(
                new OutgoingPost.Image("a.jpg", "image/jpeg", new byte[] {1}),
                new OutgoingPost.Image("b.jpg", "image/jpeg", new byte[] {2}))));
        assertThat(sim.world.node(p.platformPostId())).isPresent();
    }

    @Test
    void publishingResumesFromTheStoredContainerAfterAFailure() {
        sim.world.addFault(Fault.graphError(500, 2, null, "temporary").on("POST", "/media_publish"));
        assertThatThrownBy(() -> connector().publish(photo("ig-2", "Resumed")))
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.TRANSIENT);
        String container = journal.find("ig-2").orElseThrow().containerId().orElseThrow();
        PublishedPost p = connector().publish(photo("ig-2", "Resumed"));
        assertThat(sim.world.journal()).filteredOn(e -> e.method().equals("POST") && e.path().endsWith("/media"))
                .as("one container only").hasSize(1);
        assertThat(sim.world.journal()).filteredOn(e -> e.path().endsWith("/media_publish"))
                .allSatisfy(e -> assertThat(e.param("creation_id")).isEqualTo(container));
        assertThat(p.platformPostId()).isNotBlank();
    }

    @Test
    void aContainerStillProcessingIsTransientAndAnErrorOneIsInvalid() {
        sim.world.containerStatuses("IN_PROGRESS");
        assertThatThrownBy(() -> connector().publish(photo("ig-3", "Slow")))
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.TRANSIENT);
        sim.world.containerStatuses("IN_PROGRESS", "ERROR");
        assertThatThrownBy(() -> connector().publish(photo("ig-4", "Broken")))
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.INVALID_REQUEST);
    }

    @Test
    void thePublishingLimitIsARateLimitAndInstagramThrottlingCarriesTheWait() {
        sim.world.addFault(Fault.graphError(400, 9, 2207042, "maximum number of posts").on("POST", "/media_publish"));
        assertThatThrownBy(() -> connector().publish(photo("ig-5", "Limit")))
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.RATE_LIMITED);
        sim.world.addFault(Fault.rateLimit(80002, 9).on("GET", "/media"));
        ChannelException e = org.junit.jupiter.api.Assertions.assertThrows(ChannelException.class,
                () -> connector().listPosts(sim.now(), Optional.empty()));
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(9));
    }

    @Test
    void healthChecksTheInstagramScopes() {
        assertThat(connector().health().missingScopes()).isEmpty();
        sim.world.expire(StandaloneSimulator.TOKEN);
        assertThat(connector().health().tokenValid()).isFalse();
        assertThatThrownBy(() -> connector().listPosts(sim.now(), Optional.empty()))
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.AUTH_EXPIRED);
    }
}
