package org.schoolgate.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads a channel's posts and comments live through its connector, for the channel pages and API. */
@ApplicationScoped
public class ChannelBrowser {

    /** How far back the pages look. */
    static final Duration WINDOW = Duration.ofDays(365);

    @Inject
    ChannelService channels;

    @Inject
    ConnectorFactory connectors;

    @Inject
    Clock clock;

    public Slice<PlatformPost> posts(long channelId, Optional<String> cursor) {
        Channel c = channels.mine(channelId);
        return call(() -> connectors.forChannel(c).listPosts(Instant.now(clock).minus(WINDOW), cursor));
    }

    /** All comments of a post (up to 1,000), oldest first, replies after their parents' order as listed. */
    public List<PlatformComment> comments(long channelId, String postId) {
        Channel c = channels.mine(channelId);
        ChannelConnector connector = connectors.forChannel(c);
        List<PlatformComment> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Optional<String> at = cursor;
            Slice<PlatformComment> page = call(() -> connector.listComments(postId, Instant.EPOCH, at));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent() && all.size() < 1000);
        all.sort(java.util.Comparator.comparing(PlatformComment::createdAt));
        return all;
    }

    private static <T> T call(Supplier<T> s) {
        try {
            return s.get();
        } catch (ChannelException e) {
            if (e.kind() == ChannelException.Kind.NOT_FOUND) {
                throw new NotFoundException("The platform does not know this post");
            }
            throw new WebApplicationException("The platform did not answer as expected ("
                    + e.kind().name().toLowerCase().replace('_', ' ') + "). " + e.getMessage(), 502);
        }
    }
}
