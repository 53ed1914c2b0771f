package org.schoolgate.channels;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The publish journal in the database. Each step commits on its own, so a container id or post id
 * is kept even when the caller's transaction later fails.
 */
final class DbPublishJournal implements PublishJournal {

    private final long schoolId;
    private final long channelId;
    private final Clock clock;

    DbPublishJournal(long schoolId, long channelId, Clock clock) {
        this.schoolId = schoolId;
        this.channelId = channelId;
        this.clock = clock;
    }

    @Override
    public Optional<Entry> find(String key) {
        return QuarkusTransaction.requiringNew().call(() -> row(key).map(p -> new Entry(key,
                Optional.ofNullable(p.containerId), Optional.ofNullable(p.platformPostId),
                Optional.ofNullable(p.permalink).map(URI::create))));
    }

    @Override
    public void containerCreated(String key, String containerId) {
        QuarkusTransaction.requiringNew().run(() -> row(key).orElseGet(() -> create(key)).containerId = containerId);
    }

    @Override
    public void published(String key, String postId, Optional<URI> permalink) {
        QuarkusTransaction.requiringNew().run(() -> {
            ChannelPublication p = row(key).orElseGet(() -> create(key));
            p.platformPostId = postId;
            p.permalink = permalink.map(URI::toString).orElse(null);
            p.publishedAt = Instant.now(clock);
        });
    }

    private Optional<ChannelPublication> row(String key) {
        return ChannelPublication.find("channelId = ?1 and idempotencyKey = ?2", channelId, key).firstResultOptional();
    }

    private ChannelPublication create(String key) {
        ChannelPublication p = new ChannelPublication();
        p.schoolId = schoolId;
        p.channelId = channelId;
        p.idempotencyKey = key;
        p.createdAt = Instant.now(clock);
        p.persist();
        return p;
    }
}
