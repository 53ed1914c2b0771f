package org.schoolgate.channels;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.schoolgate.review.Severity;

/** Daily: is each active channel's token still valid, does it carry its scopes, does it expire soon? */
@ApplicationScoped
public class TokenCheckService {

    private static final Logger LOG = Logger.getLogger(TokenCheckService.class);

    @Inject
    ConnectorFactory connectors;

    @Inject
    ChannelProblems problems;

    @Inject
    PollingConfig config;

    @Inject
    Clock clock;

    public void checkAll() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>list("status",
                ChannelStatus.ACTIVE).stream().map(c -> c.id).toList());
        for (long id : ids) {
            try {
                checkOne(id);
            } catch (RuntimeException e) {
                LOG.warnf("Token check of channel %d failed: %s", id, e.getClass().getSimpleName());
            }
        }
    }

    public ChannelHealth checkOne(long channelId) {
        Channel c = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channelId));
        ChannelHealth h;
        try {
            h = connectors.forChannel(c).health();
        } catch (ChannelException e) {
            problems.handle(channelId, e);
            throw e;
        }
        Instant now = Instant.now(clock);
        if (!h.tokenValid()) {
            problems.needsReconnect(channelId, new ChannelException(ChannelException.Kind.AUTH_REVOKED, h.detail()), now);
            return h;
        }
        QuarkusTransaction.requiringNew().run(() -> Channel.<Channel>findById(channelId).tokenExpiresAt =
                h.expiresAt().orElse(null));
        h.expiresAt().filter(at -> at.isBefore(now.plus(config.tokenWarning()))).ifPresent(at -> {
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            problems.raise(channelId, Severity.MEDIUM, "token expires " + day,
                    "Access token expires on " + day, "Reconnect the channel with a new token before " + day
                            + ", or polling and moderation stop.");
        });
        if (!h.missingScopes().isEmpty()) {
            String missing = String.join(", ", h.missingScopes().stream().sorted().toList());
            problems.raise(channelId, Severity.MEDIUM, "missing " + missing, "Token lacks permissions: " + missing,
                    "Some operations will fail until the token is re-issued with these permissions.");
        }
        return h;
    }
}
