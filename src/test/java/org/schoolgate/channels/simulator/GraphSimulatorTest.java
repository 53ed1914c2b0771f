package org.schoolgate.channels.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphSimulatorTest {

    final StandaloneSimulator sim = new StandaloneSimulator();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        sim.close();
    }

    HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        String sep = pathAndQuery.contains("?") ? "&" : "?";
        String url = sim.simulator.baseUrl() + pathAndQuery + sep + "access_token=" + enc(token) + "&appsecret_proof="
                + sim.simulator.proof(token);
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void nestedFieldsAreHonouredAndNullsLeftOut() throws Exception {
        var post = sim.post("", Duration.ofHours(2), "Lovely!", "Well done");
        var res = get("/v25.0/" + post.id() + "?fields="
                + enc("id,message,created_time,comments.summary(true).limit(1){id,from{name}}"),
                StandaloneSimulator.TOKEN);
        JsonObject body = new JsonObject(res.body());
        assertThat(body.containsKey("message")).as("photo-only post has no message").isFalse();
        assertThat(body.getString("created_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
        assertThat(body.getJsonObject("comments").getJsonArray("data")).hasSize(1);
        assertThat(body.getJsonObject("comments").getJsonArray("data").getJsonObject(0).fieldNames())
                .containsExactlyInAnyOrder("id", "from");
        assertThat(body.getJsonObject("comments").getJsonObject("summary").getInteger("total_count")).isEqualTo(2);
    }

    @Test
    void pagingGivesAbsoluteNextUrlsBackAtTheSimulatorUntilTheLastPage() throws Exception {
        for (int i = 0; i < 5; i++) {
            sim.post("Post " + i, Duration.ofHours(10 - i));
        }
        var first = new JsonObject(get("/v25.0/" + StandaloneSimulator.PAGE + "/posts?limit=2", StandaloneSimulator.TOKEN)
                .body());
        String next = first.getJsonObject("paging").getString("next");
        assertThat(next).startsWith(sim.simulator.graphBaseUrl()).contains("access_token=").contains("after=");
        assertThat(first.getJsonArray("data").getJsonObject(0).getString("message")).isEqualTo("Post 4");
        int pages = 1;
        while (next != null) {
            var page = new JsonObject(http.send(HttpRequest.newBuilder(URI.create(next)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            pages++;
            next = page.getJsonObject("paging").getString("next");
        }
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void unversionedCallsAreRefusedSoAMissingVersionPinShows() throws Exception {
        var res = get("/" + StandaloneSimulator.PAGE + "/posts", StandaloneSimulator.TOKEN);
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(res.body()).getJsonObject("error").getInteger("code")).isEqualTo(100);
    }

    @Test
    void tokensExpireByTheClockAndRevokedOnesAreRefusedWithTheirSubcodes() throws Exception {
        String shortLived = sim.token("EAAB-short", SimToken.PAGE_SCOPES, sim.now().plus(Duration.ofHours(1)));
        assertThat(get("/v25.0/" + StandaloneSimulator.PAGE, shortLived).statusCode()).isEqualTo(200);
        sim.clock.advance(Duration.ofHours(2));
        JsonObject expired = new JsonObject(get("/v25.0/" + StandaloneSimulator.PAGE, shortLived).body())
                .getJsonObject("error");
        assertThat(expired.getInteger("code")).isEqualTo(190);
        assertThat(expired.getInteger("error_subcode")).isEqualTo(463);
        assertThat(expired.getString("fbtrace_id")).isNotBlank();
        sim.world.revoke(StandaloneSimulator.TOKEN);
        JsonObject revoked = new JsonObject(get("/v25.0/" + StandaloneSimulator.PAGE, StandaloneSimulator.TOKEN).body())
                .getJsonObject("error");
        assertThat(revoked.getInteger("error_subcode")).isEqualTo(460);
    }

    @Test
    void aMissingScopeIsAPermissionError() throws Exception {
        String readOnly = sim.token("EAAB-read-only", Set.of("pages_show_list"), null);
        var res = get("/v25.0/" + StandaloneSimulator.PAGE + "/posts", readOnly);
        assertThat(new JsonObject(res.body()).getJsonObject("error").getInteger("code")).isEqualTo(10);
    }

    @Test
    void aWrongAppSecretProofIsRefused() throws Exception {
        String url = sim.simulator.graphBaseUrl() + StandaloneSimulator.PAGE + "?access_token="
                + StandaloneSimulator.TOKEN + "&appsecret_proof=00";
        var res = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.body()).contains("Invalid appsecret_proof");
    }

    @Test
    void scriptedFaultsFireOnTheNthMatchingCall() throws Exception {
        sim.world.addFault(Fault.rateLimit(32, 7).on("GET", "/posts").atCall(2));
        sim.world.addFault(Fault.html500().on("GET", "/comments"));
        assertThat(get("/v25.0/" + StandaloneSimulator.PAGE + "/posts", StandaloneSimulator.TOKEN).statusCode())
                .isEqualTo(200);
        var limited = get("/v25.0/" + StandaloneSimulator.PAGE + "/posts", StandaloneSimulator.TOKEN);
        assertThat(new JsonObject(limited.body()).getJsonObject("error").getInteger("code")).isEqualTo(32);
        assertThat(limited.headers().firstValue("x-business-use-case-usage").orElseThrow())
                .contains("\"estimated_time_to_regain_access\":7");
        var post = sim.post("Hello", Duration.ofHours(1), "hi");
        var html = get("/v25.0/" + post.id() + "/comments", StandaloneSimulator.TOKEN);
        assertThat(html.statusCode()).isEqualTo(500);
        assertThat(html.body()).startsWith("<html>");
    }

    @Test
    void theBudgetRunsOutIntoThrottlingThatLastsUntilTheWindowEnds() throws Exception {
        sim.world.callsPerHour(3);
        for (int i = 0; i < 3; i++) {
            assertThat(get("/v25.0/" + StandaloneSimulator.PAGE, StandaloneSimulator.TOKEN).statusCode()).isEqualTo(200);
        }
        var res = get("/v25.0/" + StandaloneSimulator.PAGE, StandaloneSimulator.TOKEN);
        assertThat(new JsonObject(res.body()).getJsonObject("error").getInteger("code")).isEqualTo(80001);
        sim.clock.advance(Duration.ofMinutes(61));
        assertThat(get("/v25.0/" + StandaloneSimulator.PAGE, StandaloneSimulator.TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void hidingAndDeletingChangeLaterReadsAndASecondDeleteIsNotFound() throws Exception {
        var post = sim.post("Trip", Duration.ofHours(1), "first", "second");
        String commentId = sim.world.commentsOn(post.id()).get(0).id();
        String form = "is_hidden=true&access_token=" + StandaloneSimulator.TOKEN + "&appsecret_proof="
                + sim.simulator.proof(StandaloneSimulator.TOKEN);
        http.send(HttpRequest.newBuilder(URI.create(sim.simulator.graphBaseUrl() + commentId))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(new JsonObject(get("/v25.0/" + commentId + "?fields=is_hidden", StandaloneSimulator.TOKEN).body())
                .getBoolean("is_hidden")).isTrue();
        String del = sim.simulator.graphBaseUrl() + commentId + "?access_token=" + StandaloneSimulator.TOKEN
                + "&appsecret_proof=" + sim.simulator.proof(StandaloneSimulator.TOKEN);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(del)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        JsonObject again = new JsonObject(http.send(HttpRequest.newBuilder(URI.create(del)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).body()).getJsonObject("error");
        assertThat(again.getInteger("code")).isEqualTo(100);
        assertThat(again.getInteger("error_subcode")).isEqualTo(33);
    }

    @Test
    void theJournalRecordsEveryRequestWithItsToken() throws Exception {
        get("/v25.0/" + StandaloneSimulator.PAGE + "?fields=id", StandaloneSimulator.TOKEN);
        assertThat(sim.world.journal()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("/v25.0/" + StandaloneSimulator.PAGE);
            assertThat(e.token()).isEqualTo(StandaloneSimulator.TOKEN);
            assertThat(e.param("fields")).isEqualTo("id");
        });
    }

    @Test
    void theGuardSendsMetaHostsToADeadEnd() {
        assertThat(RealHostGuard.isMetaHost("graph.facebook.com")).isTrue();
        assertThat(RealHostGuard.isMetaHost("i.instagram.com")).isTrue();
        assertThat(RealHostGuard.isMetaHost("127.0.0.1")).isFalse();
        var proxies = java.net.ProxySelector.getDefault().select(URI.create("https://graph.facebook.com/v25.0/me"));
        assertThat(proxies.get(0).address().toString()).contains("127.0.0.1");
    }
}
