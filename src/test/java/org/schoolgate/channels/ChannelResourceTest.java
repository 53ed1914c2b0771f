package org.schoolgate.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schoolgate.audit.AuditEvent;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.support.Api;

@QuarkusTest
class ChannelResourceTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    ConnectorFactory connectors;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    static Map<String, Object> newChannel(String accountId) {
        return Map.of("platform", "FACEBOOK_PAGE", "accountId", accountId, "name", "Page " + accountId,
                "kind", "OFFICIAL", "purpose", "News for parents", "objectives", "Celebrate pupils' work",
                "riskAssessment", "Comments moderated daily", "registeredWithEmail", "office@school.example");
    }

    long register(String accountId) {
        return Api.as("head").contentType(ContentType.JSON).body(newChannel(accountId)).post("/api/channels")
                .then().statusCode(201).body("status", is("PENDING")).extract().jsonPath().getLong("id");
    }

    @Test
    void theHeadteacherRegistersAnAdminConnectsAndOnlyTheHeadteacherApproves() {
        ChannelFixtures.SimPage page = ChannelFixtures.simulatedPage(world(), "Registry test page");
        long id = register(page.pageId());
        Api.as("head").contentType(ContentType.JSON).post("/api/channels/" + id + "/approve").then().statusCode(400)
                .body("detail", containsString("Connect the channel first"));
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("accessToken", page.token()))
                .put("/api/channels/" + id + "/credentials").then().statusCode(200).body("connected", is(true));
        Api.as("admin").contentType(ContentType.JSON).post("/api/channels/" + id + "/approve").then().statusCode(403);
        Api.as("head").contentType(ContentType.JSON).post("/api/channels/" + id + "/approve").then().statusCode(200).body("status", is("ACTIVE"))
                .body("approvedBy", is("head@demo.school"));
        assertThat(auditActions(id)).contains("channel.registered", "channel.credentials-saved", "channel.approved");
    }

    @Test
    void onlyTheHeadteacherRegistersAndOnlyModeratorsSeeChannels() {
        Api.as("admin").contentType(ContentType.JSON).body(newChannel("1045999")).post("/api/channels").then()
                .statusCode(403);
        Api.as("office").get("/api/channels").then().statusCode(403);
        Api.as("staff").get("/api/channels").then().statusCode(403);
        Api.as("dsl").get("/api/channels").then().statusCode(200);
    }

    @Test
    void credentialsAreEncryptedAtRestNeverShownAndRevealedOnlyByTheHeadteacherWithAudit() {
        ChannelFixtures.SimPage page = ChannelFixtures.simulatedPage(world(), "Secret test page");
        long id = register(page.pageId());
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("accessToken", page.token()))
                .put("/api/channels/" + id + "/credentials").then().statusCode(200)
                .body(not(containsString(page.token())));
        String stored = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(id).credentialsCipher);
        assertThat(stored).startsWith("v1:").doesNotContain(page.token());
        Api.as("head").get("/api/channels/" + id).then().statusCode(200).body(not(containsString(page.token())));
        Api.as("head").get("/channels/" + id).then().statusCode(200).body(not(containsString(page.token())));
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("reason", "curious"))
                .post("/api/channels/" + id + "/reveal").then().statusCode(403);
        Api.as("head").contentType(ContentType.JSON).body(Map.of("reason", "Meta support asked for it"))
                .post("/api/channels/" + id + "/reveal").then().statusCode(200)
                .header("Cache-Control", "no-store").body("accessToken", is(page.token()));
        assertThat(auditDetails(id)).anyMatch(d -> d.contains("Meta support asked for it"))
                .noneMatch(d -> d.contains(page.token()));
    }

    @Test
    void theUnofficialInstagramAdapterIsOffByDefault() {
        Map<String, Object> body = new java.util.HashMap<>(newChannel("school_insta"));
        body.put("platform", "INSTAGRAM_PRIVATE");
        Api.as("head").contentType(ContentType.JSON).body(body).post("/api/channels").then().statusCode(400)
                .body("detail", containsString("switched off"));
    }

    @Test
    void anotherSchoolsChannelAnswers404() {
        long other = ChannelFixtures.otherSchool();
        Channel foreign = ChannelFixtures.activeChannel(cipher, other, Platform.FACEBOOK_PAGE, "1045000000000999",
                ChannelKind.OFFICIAL, "EAAB-foreign");
        Api.as("head").get("/api/channels/" + foreign.id).then().statusCode(404);
        Api.as("head").get("/api/channels/" + foreign.id + "/posts").then().statusCode(404);
        Api.as("head").contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/channels/" + foreign.id + "/reveal").then().statusCode(404);
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("accessToken", "EAAB-hijack"))
                .put("/api/channels/" + foreign.id + "/credentials").then().statusCode(404);
        Api.as("head").get("/channels/" + foreign.id).then().statusCode(404);
        Api.as("head").get("/api/channels").then().statusCode(200).body("id", not(hasItem(foreign.id.intValue())));
    }

    @Test
    void postsAndCommentsAreReadLiveThroughTheConnector() {
        ChannelFixtures.SimPage page = ChannelFixtures.simulatedPage(world(), "Live read page");
        GraphWorld.Post post = world().addPost(page.pageId(), "Sports day was brilliant", Instant.now()
                .minus(Duration.ofHours(3)), List.of());
        world().addComment(post.id(), "7001000000000042", "Pat Parent", "Thank you teachers!",
                Instant.now().minus(Duration.ofHours(2)));
        Channel c = ChannelFixtures.activeChannel(cipher, ChannelFixtures.demoSchoolId(), Platform.FACEBOOK_PAGE,
                page.pageId(), ChannelKind.OFFICIAL, page.token());
        Api.as("dsl").get("/api/channels/" + c.id + "/posts").then().statusCode(200)
                .body("posts[0].text", is("Sports day was brilliant")).body("posts[0].commentCount", is(1));
        Api.as("head").get("/api/channels/" + c.id + "/posts/" + post.id() + "/comments").then().statusCode(200)
                .body("[0].text", is("Thank you teachers!")).body("[0].author.displayName", is("Pat Parent"));
        Api.as("head").get("/channels/" + c.id).then().statusCode(200).body(containsString("Sports day was brilliant"));
        Api.as("head").get("/channels/" + c.id + "/posts/" + post.id()).then().statusCode(200)
                .body(containsString("Thank you teachers!"));
    }

    @Test
    void aMonitoredChannelIsReadOnly() {
        ChannelFixtures.SimPage page = ChannelFixtures.simulatedPage(world(), "Parents association");
        GraphWorld.Post post = world().addPost(page.pageId(), "PTA cake sale", Instant.now(), List.of());
        GraphWorld.Comment comment = world().addComment(post.id(), "7001000000000043", "A parent", "yum",
                Instant.now());
        Channel c = ChannelFixtures.activeChannel(cipher, ChannelFixtures.demoSchoolId(), Platform.FACEBOOK_PAGE,
                page.pageId(), ChannelKind.MONITORED, page.token());
        ChannelConnector connector = QuarkusTransaction.requiringNew().call(() ->
                connectors.forChannel(Channel.findById(c.id)));
        assertThat(connector.capabilities().can(Capabilities.Operation.HIDE)).isFalse();
        org.junit.jupiter.api.Assertions.assertThrows(ChannelException.class,
                () -> connector.setHidden(comment.id(), true));
        assertThat(world().comment(comment.id()).orElseThrow().hidden()).isFalse();
        assertThat(connector.listPosts(Instant.now().minus(Duration.ofDays(1)), java.util.Optional.empty()).items())
                .hasSize(1);
    }

    static List<String> auditActions(long channelId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "subjectType = 'channel' and subjectId = ?1", Long.toString(channelId)).stream()
                .map(e -> e.action).toList());
    }

    static List<String> auditDetails(long channelId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "subjectType = 'channel' and subjectId = ?1", Long.toString(channelId)).stream()
                .map(e -> e.details).toList());
    }
}
