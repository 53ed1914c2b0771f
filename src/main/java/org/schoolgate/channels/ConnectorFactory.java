package org.schoolgate.channels;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.schoolgate.channels.facebook.FacebookPageConnector;
import org.schoolgate.channels.instagram.Instagram4jConnector;
import org.schoolgate.channels.instagram.InstagramGraphConnector;
import org.schoolgate.channels.simulator.GraphSimulator;
import org.schoolgate.channels.simulator.SimulatorLauncher;

/**
 * Builds the connector for a channel: decrypts its credentials, picks the adapter, makes monitored
 * channels read-only and retries transient failures. While the simulator runs, every adapter is
 * pointed at it.
 */
@ApplicationScoped
public class ConnectorFactory {

    @Inject
    ChannelsConfig config;

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    PublicMediaStore publicMedia;

    @Inject
    Clock clock;

    public GraphEndpoint endpoint() {
        String base = simulator.running().map(GraphSimulator::graphBaseUrl).orElse(config.graphBaseUrl());
        return new GraphEndpoint(base, config.facebook().appId(), config.facebook().appSecret(),
                config.facebook().timeoutMillis(), LaunchMode.current() == LaunchMode.NORMAL);
    }

    /** Where instagram4j's requests go: the simulator, or Instagram itself in production. */
    public String instagramPrivateBaseUrl() {
        return simulator.running().map(GraphSimulator::baseUrl).orElse("https://i.instagram.com");
    }

    public ChannelConnector forChannel(Channel c) {
        if (!c.isConnected()) {
            throw new ChannelException(ChannelException.Kind.AUTH_REVOKED, "The channel has no credentials yet");
        }
        ChannelAccess access = new ChannelAccess(c.platform, c.accountId, cipher.decrypt(c.credentialsCipher, c.id),
                new DbPublishJournal(c.schoolId, c.id, clock));
        ChannelConnector raw = switch (c.platform) {
            case FACEBOOK_PAGE -> new FacebookPageConnector(endpoint(), access);
            case INSTAGRAM -> new InstagramGraphConnector(endpoint(), access, publicMedia, Duration.ofSeconds(2), 15);
            case INSTAGRAM_PRIVATE -> {
                if (!config.instagram4j().enabled()) {
                    throw new ChannelException(ChannelException.Kind.PERMISSION_MISSING,
                            "The instagram4j adapter is switched off (schoolgate.channels.instagram4j.enabled)");
                }
                yield new Instagram4jConnector(instagramPrivateBaseUrl(), LaunchMode.current() == LaunchMode.NORMAL,
                        access);
            }
        };
        ChannelConnector resilient = new ResilientConnector(raw);
        return c.isReadOnly() ? new ReadOnlyConnector(resilient) : resilient;
    }
}
