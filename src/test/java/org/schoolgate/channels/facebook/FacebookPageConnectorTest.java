package org.schoolgate.channels.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.schoolgate.channels.Capabilities;
import org.schoolgate.channels.ChannelAccess;
import org.schoolgate.channels.ChannelCredentials;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelException.Kind;
import org.schoolgate.channels.ChannelHealth;
import org.schoolgate.channels.GraphEndpoint;
import org.schoolgate.channels.OutgoingPost;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.channels.PublishJournal;
import org.schoolgate.channels.PublishedPost;
import org.schoolgate.channels.Slice;
import org.schoolgate.channels.simulator.Fault;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.JournalEntry;
import org.schoolgate.channels.simulator.RealHostGuard;
import org.schoolgate.channels.simulator.StandaloneSimulator;

/** The real facebook4j over HTTP against the simulator, for every port operation and error kind. */
class FacebookPageConnectorTest {

    final StandaloneSimulator sim = new StandaloneSimulator();
    final PublishJournal journal = PublishJournal.inMemory();

    @AfterEach
    void close() {
        sim.close();
        assertThat(RealHostGuard.violations()).as("no Meta host was contacted").isEmpty();
    }

    FacebookPageConnector connector(String token) {
        GraphEndpoint endpoint = new GraphEndpoint(sim.simulator.graphBaseUrl(), StandaloneSimulator.APP_ID,
                Optional.of(StandaloneSimulator.APP_SECRET), 1500, false);
        return new FacebookPageConnector(endpoint, new ChannelAccess(Platform.FACEBOOK_PAGE, StandaloneSimulator.PAGE,
                ChannelCredentials.token(token), journal));
    }

    FacebookPageConnector connector() {
        return connector(StandaloneSimulator.TOKEN);
    }

    @Test
    void listsPostsNewestFirstAcrossPagesWithCommentCounts() {
        for (int i = 0; i < 130; i++) {
            sim.post("Post " + i, Duration.ofHours(200 - i), "nice");
        }
        sim.post("Too old", Duration.ofDays(400));
        List<PlatformPost> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int calls = 0;
        do {
            Slice<PlatformPost> page = connector().listPosts(sim.now().minus(Duration.ofDays(30)), cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
            calls++;
        } while (cursor.isPresent());
        assertThat(calls).isEqualTo(2);
        assertThat(all).hasSize(130);
        assertThat(all.get(0).text()).isEqualTo("Post 129");
        assertThat(all.get(0).commentCount()).isEqualTo(1);
        assertThat(all.get(0).permalink()).get().asString().startsWith("https://www.facebook.com/");
        assertThat(all.get(0).media()).hasSize(1);
    }

    @Test
    void listsCommentsAndRepliesFlatNewestFirstAndStopsAtTheWatermark() {
        GraphWorld.Post post = sim.post("Sports day", Duration.ofHours(5), "Great day!", "Well done all");
        String first = sim.world.commentsOn(post.id()).get(0).id();
        sim.world.addComment(first, StandaloneSimulator.PAGE, "Test Primary School", "Thank you!",
                sim.now().minus(Duration.ofHours(1)));
        Slice<PlatformComment> all = connector().listComments(post.id(), sim.now().minus(Duration.ofDays(1)),
                Optional.empty());
        assertThat(all.items()).extracting(PlatformComment::text)
                .containsExactly("Thank you!", "Well done all", "Great day!");
        assertThat(all.items().get(0).parentId()).contains(first);
        assertThat(all.items().get(0).canHide()).as("the Page's own comment").isFalse();
        assertThat(all.items().get(2).author()).get().extracting(PlatformComment.Author::displayName)
                .isEqualTo("Parent 0");
        Slice<PlatformComment> recent = connector().listComments(post.id(), sim.now().minus(Duration.ofHours(2)),
                Optional.empty());
        assertThat(recent.items()).extracting(PlatformComment::text).containsExactly("Thank you!");
        assertThat(recent.nextCursor()).isEmpty();
    }

    @Test
    void withoutUserContentPermissionTheAuthorIsUnknown() {
        GraphWorld.Post post = sim.post("Trip", Duration.ofHours(5), "Lovely");
        String token = sim.token("EAAB-no-user-content", Set.of("pages_show_list", "pages_read_engagement"), null);
        PlatformComment c = connector(token).listComments(post.id(), sim.now().minus(Duration.ofDays(1)),
                Optional.empty()).items().get(0);
        assertThat(c.author()).isEmpty();
    }

    @Test
    void hidesUnhidesDeletesAndReplies() {
        GraphWorld.Post post = sim.post("Trip", Duration.ofHours(5), "rude words", "kind words");
        String rude = sim.world.commentsOn(post.id()).get(0).id();
        String kind = sim.world.commentsOn(post.id()).get(1).id();
        connector().setHidden(rude, true);
        assertThat(sim.world.comment(rude).orElseThrow().hidden()).isTrue();
        assertThat(connector().listComments(post.id(), sim.now().minus(Duration.ofDays(1)), Optional.empty()).items())
                .filteredOn(c -> c.id().equals(rude)).singleElement().extracting(PlatformComment::hidden)
                .isEqualTo(true);
        connector().setHidden(rude, false);
        assertThat(sim.world.comment(rude).orElseThrow().hidden()).isFalse();
        connector().deleteComment(rude);
        assertThat(sim.world.comment(rude).orElseThrow().deleted()).isTrue();
        assertThatThrownBy(() -> connector().deleteComment(rude)).isInstanceOf(ChannelException.class)
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.NOT_FOUND);
        String replyId = connector().reply(kind, "Thank you for your kind words");
        assertThat(sim.world.comment(replyId).orElseThrow().parentId()).contains(kind);
    }

    @Test
    void publishesOnePhotoOnceAndReturnsTheFirstResultForARepeatedKey() {
        OutgoingPost out = new OutgoingPost("post-1", "Our new library is open!",
                List.of(new OutgoingPost.Image("library.jpg", "image/jpeg", new byte[] {1, 2, 3})));
        PublishedPost first = connector().publish(out);
        int calls = sim.world.journal().size();
        PublishedPost again = connector().publish(out);
        assertThat(again).isEqualTo(first);
        assertThat(sim.world.journal()).hasSize(calls);
        assertThat(first.permalink()).isPresent();
        assertThat(connector().listPosts(sim.now().minus(Duration.ofHours(1)), Optional.empty()).items())
                .extracting(PlatformPost::id).contains(first.platformPostId());
    }

    @Test
    void theSimulatorKeepsTheUploadedPhotoBytesExactly() {
        byte[] bytes = {9, 8, 7, 6, 5};
        PublishedPost p = connector().publish(new OutgoingPost("bytes-1", "Bytes as sent",
                List.of(new OutgoingPost.Image("b.jpg", "image/jpeg", bytes))));
        GraphWorld.Post post = (GraphWorld.Post) sim.world.node(p.platformPostId()).orElseThrow();
        assertThat(sim.world.receivedImage(post.images().get(0))).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
    }

    @Test
    void deletesOwnPostSoItLeavesTheListingAndASecondDeleteIsNotFound() {
        PublishedPost p = connector().publish(new OutgoingPost("del-1", "Posted by mistake", List.of()));
        assertThat(connector().capabilities().can(Capabilities.Operation.DELETE_POST)).isTrue();
        connector().deletePost(p.platformPostId());
        assertThat(sim.world.postsOf(StandaloneSimulator.PAGE)).extracting(GraphWorld.Post::id)
                .doesNotContain(p.platformPostId());
        assertThat(connector().listPosts(sim.now().minus(Duration.ofHours(1)), Optional.empty()).items())
                .extracting(PlatformPost::id).doesNotContain(p.platformPostId());
        assertThat(sim.world.journal()).filteredOn(e -> e.method().equals("DELETE"))
                .singleElement().satisfies(e -> assertThat(e.path()).endsWith("/" + p.platformPostId()));
        assertThatThrownBy(() -> connector().deletePost(p.platformPostId())).isInstanceOf(ChannelException.class)
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void deletingWithoutThePostsPermissionIsAPermissionProblem() {
        PublishedPost p = connector().publish(new OutgoingPost("del-2", "Stays up", List.of()));
        String readOnly = sim.token("EAAB-no-manage-posts", Set.of("pages_show_list", "pages_read_engagement",
                "pages_read_user_content", "pages_manage_engagement"), null);
        assertThatThrownBy(() -> connector(readOnly).deletePost(p.platformPostId()))
                .isInstanceOf(ChannelException.class).extracting(e -> ((ChannelException) e).kind())
                .isEqualTo(Kind.PERMISSION_MISSING);
        assertThat(sim.world.postsOf(StandaloneSimulator.PAGE)).extracting(GraphWorld.Post::id)
                .contains(p.platformPostId());
    }

    @Test
    void publishesSeveralPhotosAsOneFeedPostAndATextOnlyPost() {
        PublishedPost album = connector().publish(new OutgoingPost("album-1", "Harvest festival",
                List.of(new OutgoingPost.Image("a.jpg", "image/jpeg", new byte[] {1}),
                        new OutgoingPost.Image("b.jpg", "image/jpeg", new byte[] {2}))));
        assertThat(sim.world.journal()).filteredOn(e -> e.path().endsWith("/photos"))
                .allSatisfy(e -> assertThat(e.param("published")).isEqualTo("false")).hasSize(2);
        GraphWorld.Post created = (GraphWorld.Post) sim.world.node(album.platformPostId()).orElseThrow();
        assertThat(created.message()).isEqualTo("Harvest festival");
        PublishedPost text = connector().publish(new OutgoingPost("text-1", "School closed for snow", List.of()));
        assertThat(text.platformPostId()).startsWith(StandaloneSimulator.PAGE + "_");
    }

    @Test
    void aRepeatedMessageUnderANewKeyIsReportedAsDuplicate() {
        connector().publish(new OutgoingPost("k1", "Same words", List.of()));
        assertThatThrownBy(() -> connector().publish(new OutgoingPost("k2", "Same words", List.of())))
                .extracting(e -> ((ChannelException) e).kind()).isEqualTo(Kind.DUPLICATE);
    }

    @Test
    void healthReportsExpiryScopesAndMissingOnes() {
        String token = sim.token("EAAB-limited", Set.of("pages_show_list", "pages_read_engagement"),
                sim.now().plus(Duration.ofDays(10)));
        ChannelHealth h = connector(token).health();
        assertThat(h.tokenValid()).isTrue();
        assertThat(h.expiresAt()).contains(sim.now().plus(Duration.ofDays(10)));
        assertThat(h.missingScopes()).contains("pages_manage_engagement", "pages_manage_posts");
        assertThat(connector().health().missingScopes()).isEmpty();
        assertThat(connector().health().expiresAt()).isEmpty();
        sim.world.revoke(token);
        assertThat(connector(token).health().tokenValid()).isFalse();
    }

    enum ErrorCase {
        EXPIRED(Fault.expireToken(), Kind.AUTH_EXPIRED),
        REVOKED(Fault.graphError(400, 190, 460, "Error validating access token"), Kind.AUTH_REVOKED),
        PERMISSION(Fault.graphError(403, 200, null, "(#200) Permissions error"), Kind.PERMISSION_MISSING),
        PAGE_LIMIT(Fault.rateLimit(32, 12), Kind.RATE_LIMITED),
        BUC_LIMIT(Fault.rateLimit(80001, 30), Kind.RATE_LIMITED),
        GONE(Fault.graphError(400, 100, 33, "Unsupported get request"), Kind.NOT_FOUND),
        DUPLICATE(Fault.graphError(400, 506, null, "(#506) Duplicate status message"), Kind.DUPLICATE),
        POLICY(Fault.graphError(400, 368, null, "Temporarily blocked for policy violations"), Kind.POLICY_BLOCKED),
        UNKNOWN(Fault.transientError(), Kind.TRANSIENT),
        HTML_500(Fault.html500(), Kind.TRANSIENT),
        // HttpURLConnection silently retries an idempotent GET once on a dropped connection, so drop two
        RESET(Fault.connectionReset().times(2), Kind.TRANSIENT),
        TIMEOUT(Fault.delay(Duration.ofSeconds(3)), Kind.TRANSIENT),
        BAD_FIELD(Fault.graphError(400, 100, null, "(#100) Tried accessing nonexisting field"), Kind.INVALID_REQUEST),
        DEPRECATED(Fault.graphError(400, 12, null, "(#12) deprecated"), Kind.INVALID_REQUEST);

        final Fault fault;
        final Kind kind;

        ErrorCase(Fault fault, Kind kind) {
            this.fault = fault;
            this.kind = kind;
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorCase.class)
    void everyGraphFailureArrivesAsOneChannelExceptionKindWithoutTheToken(ErrorCase c) {
        sim.world.addFault(c.fault.on("GET", "/posts").atCall(2));
        connector().listPosts(sim.now().minus(Duration.ofDays(1)), Optional.empty());
        ChannelException e = (ChannelException) org.junit.jupiter.api.Assertions.assertThrows(ChannelException.class,
                () -> connector().listPosts(sim.now().minus(Duration.ofDays(1)), Optional.empty()));
        assertThat(e.kind()).isEqualTo(c.kind);
        assertThat(e.getMessage()).doesNotContain(StandaloneSimulator.TOKEN);
    }

    @ParameterizedTest
    @EnumSource(GraphWorld.HeaderCase.class)
    void theWaitComesFromTheUsageHeaderInWhateverCaseItArrives(GraphWorld.HeaderCase headerCase) {
        sim.world.headerCase(headerCase);
        for (int i = 0; i < 3; i++) {
            sim.world.addFault(Fault.rateLimit(80001, 42).on("GET", "/posts"));
            ChannelException e = (ChannelException) org.junit.jupiter.api.Assertions.assertThrows(
                    ChannelException.class, () -> connector().listPosts(sim.now(), Optional.empty()));
            assertThat(e.retryAfter()).contains(Duration.ofMinutes(42));
        }
    }

    @Test
    void everyCallIsVersionedAndCarriesTheAppSecretProof() {
        GraphWorld.Post post = sim.post("Trip", Duration.ofHours(5), "Lovely");
        connector().listPosts(sim.now().minus(Duration.ofDays(1)), Optional.empty());
        connector().listComments(post.id(), sim.now().minus(Duration.ofDays(1)), Optional.empty());
        connector().health();
        assertThat(sim.world.journal()).isNotEmpty().allSatisfy((JournalEntry e) -> {
            assertThat(e.path()).startsWith("/v25.0/");
            assertThat(e.param("appsecret_proof")).isEqualTo(sim.simulator.proof(StandaloneSimulator.TOKEN));
            assertThat(e.status()).isEqualTo(200);
        });
    }

    @Test
    void refusesARealGraphHostOutsideProductionAndAnUnversionedBaseUrl() {
        assertThatThrownBy(() -> new GraphClient(new GraphEndpoint("https://graph.facebook.com/v25.0/", "1",
                Optional.of("s"), 1000, false), "t")).hasMessageContaining("outside production");
        assertThatThrownBy(() -> new GraphClient(new GraphEndpoint(sim.simulator.baseUrl() + "/", "1",
                Optional.of("s"), 1000, false), "t")).hasMessageContaining("pin a version");
    }
}
