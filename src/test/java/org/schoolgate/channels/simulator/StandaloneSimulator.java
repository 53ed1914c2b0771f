package org.schoolgate.channels.simulator;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A simulator outside Quarkus for plain JUnit tests and the benchmark: one small school Page with an
 * Instagram account, a page token with every scope, and a few posts and comments.
 */
public final class StandaloneSimulator implements AutoCloseable {

    public static final String APP_ID = "100000000000001";
    public static final String APP_SECRET = "test-app-secret";
    public static final String PAGE = "104500000000777";
    public static final String IG = "17841400000000777";
    public static final String TOKEN = "EAAB-test-page-token";

    public final Vertx vertx = Vertx.vertx();
    public final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC));
    public final GraphWorld world = new GraphWorld(clock);
    public final GraphSimulator simulator;

    public StandaloneSimulator() {
        RealHostGuard.install();
        simulator = new GraphSimulator(vertx, world, APP_ID, APP_SECRET).withPrivateApi(new PrivateApi())
                .start("127.0.0.1", 0);
        world.addPage(PAGE, "Test Primary School");
        world.addInstagramAccount(IG, "testprimary", PAGE);
        world.addToken(TOKEN, SimToken.Type.PAGE, PAGE, SimToken.PAGE_SCOPES, null);
    }

    public Instant now() {
        return clock.instant();
    }

    public GraphWorld.Post post(String message, Duration ago, String... commentTexts) {
        GraphWorld.Post p = world.addPost(PAGE, message, now().minus(ago), List.of("https://cdn.example/p.jpg"));
        int i = 0;
        for (String text : commentTexts) {
            world.addComment(p.id(), "70010000000000" + (10 + i), "Parent " + i, text,
                    now().minus(ago).plusSeconds(60L * ++i));
        }
        return p;
    }

    public GraphWorld.Media media(String caption, Duration ago, String... commentTexts) {
        GraphWorld.Media m = world.addMedia(IG, caption, now().minus(ago), "https://cdn.example/m.jpg");
        int i = 0;
        for (String text : commentTexts) {
            world.addComment(m.id(), "1784145550000" + (1000 + i), "parent_" + i, text,
                    now().minus(ago).plusSeconds(60L * ++i));
        }
        return m;
    }

    public String token(String value, Set<String> scopes, Instant expiresAt) {
        world.addToken(value, SimToken.Type.PAGE, PAGE, scopes, expiresAt);
        return value;
    }

    @Override
    public void close() {
        simulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
