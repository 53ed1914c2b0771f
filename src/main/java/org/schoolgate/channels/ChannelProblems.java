package org.schoolgate.channels;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.schoolgate.review.NewReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewService;
import org.schoolgate.review.Severity;

/**
 * What a platform failure does to a channel (SPEC §2.2 "platform faults never lose work"):
 * auth/permission → needs reconnect plus a review item, and no further calls until an admin
 * reconnects (no retry storm); throttling → back off as long as the platform said; anything else →
 * noted on the channel and retried next run from the saved cursor.
 */
@ApplicationScoped
public class ChannelProblems {

    @Inject
    ChannelService channels;

    @Inject
    ReviewService review;

    @Inject
    PollingConfig config;

    @Inject
    Clock clock;

    public void handle(long channelId, ChannelException e) {
        Instant now = Instant.now(clock);
        switch (e.kind()) {
            case AUTH_EXPIRED, AUTH_REVOKED, PERMISSION_MISSING -> needsReconnect(channelId, e, now);
            case RATE_LIMITED -> QuarkusTransaction.requiringNew().run(() -> {
                Channel c = Channel.findById(channelId);
                c.backoffUntil = now.plus(e.retryAfter().orElse(config.defaultBackOff()));
                c.lastProblem = "Rate limited by the platform; resuming after " + c.backoffUntil.truncatedTo(
                        ChronoUnit.MINUTES) + " from where polling stopped";
            });
            case POLICY_BLOCKED -> {
                QuarkusTransaction.requiringNew().run(() -> {
                    Channel c = Channel.findById(channelId);
                    c.backoffUntil = now.plus(Duration.ofHours(24));
                    c.lastProblem = "Blocked by the platform for policy reasons: " + e.getMessage();
                });
                raise(channelId, Severity.HIGH, "blocked on " + now.truncatedTo(ChronoUnit.DAYS),
                        "The platform has blocked this channel for policy reasons", e.getMessage());
            }
            default -> note(channelId, e.getMessage());
        }
    }

    public void note(long channelId, String problem) {
        QuarkusTransaction.requiringNew().run(() -> {
            Channel c = Channel.findById(channelId);
            c.lastProblem = problem.length() > 1000 ? problem.substring(0, 997) + "…" : problem;
        });
    }

    void needsReconnect(long channelId, ChannelException e, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            Channel c = Channel.findById(channelId);
            c.lastProblem = "Needs reconnecting: " + e.getMessage();
            c.problemSince = now;
            channels.changeStatus(c, ChannelStatus.NEEDS_RECONNECT, e.kind().name().toLowerCase().replace('_', ' '));
        });
        String what = switch (e.kind()) {
            case AUTH_EXPIRED -> "its access token has expired";
            case PERMISSION_MISSING -> "a permission is missing";
            default -> "its access token was revoked";
        };
        raise(channelId, Severity.HIGH, "reconnect since " + now.getEpochSecond(),
                "Channel needs reconnecting: " + what, e.getMessage()
                        + ". Polling has stopped for this channel; an admin must enter a new token.");
    }

    void raise(long channelId, Severity severity, String subject, String summary, String detail) {
        Channel c = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(channelId));
        review.raise(new NewReviewItem(c.schoolId, ReviewKind.CHANNEL_PROBLEM, severity, "channel",
                "channel " + channelId + " " + subject, channelId, c.name + ": " + summary, detail));
    }
}
