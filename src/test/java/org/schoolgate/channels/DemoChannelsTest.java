package org.schoolgate.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.simulator.DemoWorld;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.support.Api;

@QuarkusTest
class DemoChannelsTest {

    @Inject
    SimulatorLauncher simulator;

    long demoChannel(String accountId) {
        JsonPath list = Api.as("head").get("/api/channels").then().statusCode(200).extract().jsonPath();
        return list.getLong("find { it.accountId == '" + accountId + "' }.id");
    }

    @Test
    void theDemoSchoolHasItsPageAndInstagramAccountActive() {
        Api.as("head").get("/api/channels").then().statusCode(200)
                .body("findAll { it.status == 'ACTIVE' }.accountId", hasItems(DemoWorld.PAGE_ID, DemoWorld.IG_USER_ID));
    }

    @Test
    void theChannelListShowsTheDemoChannelsAndOffersRegistrationToTheHeadteacherOnly() {
        Api.as("head").get("/channels").then().statusCode(200).body(containsString("@demoprimaryschool (Instagram)"))
                .body(containsString("Register a channel"));
        Api.as("admin").get("/channels").then().statusCode(200).body(containsString("Demo Primary School (Facebook)"))
                .body(org.hamcrest.Matchers.not(containsString("Register a channel")));
    }

    @Test
    void theDemoPostsAndAFewHundredCommentsAreVisibleThroughTheConnector() {
        GraphWorld world = simulator.running().orElseThrow().world();
        long comments = world.postsOf(DemoWorld.PAGE_ID).stream().mapToLong(p -> world.commentsOn(p.id()).size())
                .sum();
        assertThat(comments).isGreaterThan(150);
        long fb = demoChannel(DemoWorld.PAGE_ID);
        List<String> texts = Api.as("dsl").get("/api/channels/" + fb + "/posts").then().statusCode(200)
                .extract().jsonPath().getList("posts.text");
        assertThat(texts).contains("Our new library opens after half term, thanks to the PTA's amazing fundraising.");
        String postId = Api.as("dsl").get("/api/channels/" + fb + "/posts").then().extract().jsonPath()
                .getString("posts[0].id");
        Api.as("head").get("/channels/" + fb + "/posts/" + postId).then().statusCode(200)
                .body(containsString("data-testid=\"comments\""));
        long ig = demoChannel(DemoWorld.IG_USER_ID);
        Api.as("head").get("/channels/" + ig).then().statusCode(200).body(containsString("Science week"));
    }

    @Test
    void theDemoCommentsIncludeHarmfulOnesForTheScanner() {
        GraphWorld world = simulator.running().orElseThrow().world();
        List<String> all = world.postsOf(DemoWorld.PAGE_ID).stream()
                .flatMap(p -> world.commentsOn(p.id()).stream()).map(GraphWorld.Comment::text).toList();
        assertThat(all).anyMatch(t -> t.contains("07700 900123")).anyMatch(t -> t.contains("send them back"));
    }
}
