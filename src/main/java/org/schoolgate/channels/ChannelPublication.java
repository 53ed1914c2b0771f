package org.schoolgate.channels;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** One publication through a channel, keyed by its idempotency key: the container first, then the post id. */
@Entity
public class ChannelPublication extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long channelId;

    @Column(nullable = false)
    public String idempotencyKey;

    public String containerId;

    public String platformPostId;

    public String permalink;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant publishedAt;
}
