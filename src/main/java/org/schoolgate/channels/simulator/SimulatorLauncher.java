package org.schoolgate.channels.simulator;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.schoolgate.channels.ChannelsConfig;

/** Starts the simulator with Schoolgate in dev mode and tests; refuses to run it in production. */
@ApplicationScoped
public class SimulatorLauncher {

    private static final Logger LOG = Logger.getLogger(SimulatorLauncher.class);

    @Inject
    ChannelsConfig config;

    @Inject
    Vertx vertx;

    private volatile GraphSimulator simulator;

    void start(@Observes @Priority(5) StartupEvent event) {
        if (!config.simulator().enabled()) {
            return;
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("Schoolgate refuses to start in production with the Graph API simulator on "
                    + "(schoolgate.channels.simulator.enabled)");
        }
        RealHostGuard.install();
        GraphWorld world = new GraphWorld(new SimClock(Clock.systemUTC()));
        simulator = new GraphSimulator(vertx, world, config.facebook().appId(),
                config.facebook().appSecret().orElse(null))
                .withPrivateApi(new PrivateApi())
                .start("127.0.0.1", config.simulator().port());
        if (config.simulator().seedDemo()) {
            DemoWorld.seed(world);
        }
        LOG.infof("Graph API simulator listening on %s (Meta hosts are blocked in this JVM)", simulator.graphBaseUrl());
    }

    void stop(@Observes ShutdownEvent event) {
        if (simulator != null) {
            simulator.close();
        }
    }

    public Optional<GraphSimulator> running() {
        return Optional.ofNullable(simulator);
    }
}
