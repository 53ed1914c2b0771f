package org.schoolgate.posts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ConnectorFactory;

/**
 * One-click take-down (SPEC §2.3 retro-sweep): every live copy of the post is deleted through its channel's
 * connector; our record of the post, its pictures and its history is kept, and the take-down is audited.
 * A copy already gone from the platform counts as taken down.
 */
@ApplicationScoped
public class TakeDownService {

    /** What happened per channel; {@code failures} name the channels where the copy is still up. */
    public record Result(Post post, List<String> removed, List<String> failures) {
    }

    private record Live(long targetId, long channelId, String platformPostId) {
    }

    @Inject
    PostService posts;

    @Inject
    PostReviewItems items;

    @Inject
    ConnectorFactory connectors;

    @Inject
    Clock clock;

    public Result takeDown(long schoolId, long postId, Who who, String reason) {
        String why = reason == null || reason.isBlank() ? "Consent no longer covers the post" : reason.strip();
        if (why.length() > 2000) {
            throw new BadRequestException("Keep the reason under 2,000 characters");
        }
        List<Live> live = QuarkusTransaction.requiringNew().call(() -> {
            Post p = posts.get(schoolId, postId);
            List<Live> l = posts.targets(p.id).stream().filter(t -> t.status == PostTarget.Status.PUBLISHED)
                    .map(t -> new Live(t.id, t.channelId, t.platformPostId)).toList();
            Decision d = ApprovalRules.mayTakeDown(who.actor(), !l.isEmpty());
            if (!d.allowed()) {
                throw l.isEmpty() ? StepRefused.conflict(d.reason()) : StepRefused.rule(d);
            }
            return l;
        });
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        for (Live l : live) {
            Channel c = QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>findById(l.channelId()));
            try {
                connectors.forChannel(c).deletePost(l.platformPostId());
                removed.add(c.name);
                done.add(l.targetId());
            } catch (ChannelException e) {
                if (e.kind() == ChannelException.Kind.NOT_FOUND) {
                    removed.add(c.name + " (already gone)");
                    done.add(l.targetId());
                } else {
                    failures.add(c.name + ": " + e.getMessage());
                }
            }
        }
        Post post = QuarkusTransaction.requiringNew().call(() -> {
            Post p = posts.get(schoolId, postId);
            Instant now = Instant.now(clock);
            for (long id : done) {
                PostTarget t = PostTarget.findById(id);
                t.status = PostTarget.Status.TAKEN_DOWN;
                t.takenDownAt = now;
            }
            boolean stillLive = posts.targets(p.id).stream().anyMatch(t -> t.status == PostTarget.Status.PUBLISHED);
            if (!done.isEmpty()) {
                p.takenDownAt = now;
                p.takenDownByName = who.name();
                p.takeDownReason = why;
                if (!stillLive) {
                    p.status = PostStatus.TAKEN_DOWN;
                }
                p.updatedAt = now;
                posts.step(p, who, "taken-down", "Taken down from " + String.join(", ", removed) + ": " + why
                        + (failures.isEmpty() ? "" : ". Still up: " + String.join("; ", failures)), false,
                        new PostEvents.PostTakenDown(schoolId, p.id, String.join(", ", removed) + ": " + why));
                if (!stillLive) {
                    items.takenDown(p, who.email());
                }
            }
            return p;
        });
        return new Result(post, removed, failures);
    }
}
