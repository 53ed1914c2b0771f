package org.schoolgate.moderation.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelFixtures;
import org.schoolgate.channels.simulator.DemoWorld;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.support.Api;

/**
 * The demo school's Page and Instagram account, scanned on demand through the API as the headteacher
 * would. The simulator's demo Page carries twelve harmful comments among ~260 ordinary ones: every one
 * of them must be flagged, and none of the ordinary ones.
 */
@QuarkusTest
class DemoSchoolScanTest {

    static final List<String> FLAGGED = DemoWorld.HARMFUL.stream().map(c -> c[1]).toList();

    @Inject
    SimulatorLauncher simulator;

    @Inject
    ScanService scans;

    @Test
    void anOnDemandScanOfTheDemoSchoolStoresEveryCommentAndFlagsTheHarmfulOnes() throws Exception {
        long school = ChannelFixtures.demoSchoolId();
        assertThat(scans.awaitIdle(school, 60_000)).isTrue();
        // 409 only if another test's request started one a moment ago: then that run does the work
        Api.as("head").contentType("application/json").post("/api/scan").then()
                .statusCode(org.hamcrest.Matchers.oneOf(202, 409));
        assertThat(scans.awaitIdle(school, 120_000)).isTrue();

        Channel page = demoChannel(school, DemoWorld.PAGE_ID);
        Channel instagram = demoChannel(school, DemoWorld.IG_USER_ID);
        GraphWorld world = simulator.running().orElseThrow().world();
        List<ScannedComment> fb = ScanFixtures.stored(page.id);
        long onPage = world.postsOf(DemoWorld.PAGE_ID).stream().mapToLong(p -> world.commentsOn(p.id()).size()).sum();
        assertThat(fb).hasSize((int) onPage).hasSizeGreaterThan(200);
        assertThat(fb).filteredOn(c -> c.flagged).extracting(c -> c.text).containsExactlyInAnyOrderElementsOf(FLAGGED);
        assertThat(fb).filteredOn(c -> c.parentPlatformId != null).as("the school's replies are scanned too")
                .isNotEmpty();

        List<ScannedComment> ig = ScanFixtures.stored(instagram.id);
        List<String> media = QuarkusTransaction.requiringNew().call(() -> ScannedPost.<ScannedPost>list("channelId",
                instagram.id).stream().map(p -> p.platformPostId).toList());
        assertThat(media).hasSize(8);
        assertThat(ig).hasSize(media.stream().mapToInt(m -> world.commentsOn(m).size()).sum()).isNotEmpty();
        assertThat(ig).noneMatch(c -> c.flagged);

        for (Channel c : List.of(page, instagram)) {
            ChannelScanState st = ScanFixtures.state(c.id);
            assertThat(st.commentWatermark).isNotNull();
            assertThat(st.lastProblem).isNull();
        }
        Api.as("dsl").get("/api/scan").then().statusCode(200)
                .body("runs[0].status", org.hamcrest.Matchers.notNullValue())
                .body("channels.name", org.hamcrest.Matchers.hasItem(page.name));
    }

    private static Channel demoChannel(long school, String account) {
        return QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>find("schoolId = ?1 and accountId = ?2",
                school, account).firstResult());
    }
}
