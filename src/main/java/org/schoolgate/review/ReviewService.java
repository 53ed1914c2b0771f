package org.schoolgate.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.schoolgate.audit.AuditableEvent;

/** Raising items (features, jobs) and resolving them (people). */
@ApplicationScoped
public class ReviewService {

    public record Filter(ReviewKind kind, Long channelId, ReviewStatus status) {
        public static Filter open() {
            return new Filter(null, null, ReviewStatus.OPEN);
        }
    }

    @Inject
    Clock clock;

    @Inject
    Event<AuditableEvent> events;

    /** Raises the item unless one already exists for this kind and subject (whatever its status). */
    @Transactional
    public Optional<ReviewItem> raise(NewReviewItem n) {
        if (ReviewItem.count("schoolId = ?1 and kind = ?2 and subjectType = ?3 and subjectId = ?4",
                n.schoolId(), n.kind(), n.subjectType(), n.subjectId()) > 0) {
            return Optional.empty();
        }
        ReviewItem item = new ReviewItem();
        item.schoolId = n.schoolId();
        item.kind = n.kind();
        item.severity = n.severity();
        item.subjectType = n.subjectType();
        item.subjectId = n.subjectId();
        item.channelId = n.channelId();
        item.summary = n.summary().length() > 500 ? n.summary().substring(0, 497) + "…" : n.summary();
        item.detail = n.detail();
        item.createdAt = Instant.now(clock);
        item.persist();
        events.fire(new ReviewEvents.ReviewItemRaised(item.schoolId, item.id, item.kind.name(), item.severity.id(),
                item.summary));
        return Optional.of(item);
    }

    /** Highest severity first, then oldest. */
    @Transactional
    public List<ReviewItem> queue(long schoolId, Filter filter, int offset, int limit) {
        StringBuilder q = new StringBuilder("schoolId = :school");
        Map<String, Object> params = new HashMap<>();
        params.put("school", schoolId);
        if (filter.kind() != null) {
            q.append(" and kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.channelId() != null) {
            q.append(" and channelId = :channel");
            params.put("channel", filter.channelId());
        }
        if (filter.status() != null) {
            q.append(" and status = :status");
            params.put("status", filter.status());
        }
        q.append(" order by severityRank desc, createdAt asc, id asc");
        return ReviewItem.<ReviewItem>find(q.toString(), params).range(offset, offset + limit - 1).list();
    }

    @Transactional
    public long openCount(long schoolId) {
        return ReviewItem.count("schoolId = ?1 and status = ?2", schoolId, ReviewStatus.OPEN);
    }

    @Transactional
    public long openUrgentCount(long schoolId) {
        return ReviewItem.count("schoolId = ?1 and status = ?2 and severityRank >= ?3", schoolId, ReviewStatus.OPEN,
                (short) Severity.HIGH.rank());
    }

    /** The item of this school, or 404. */
    @Transactional
    public ReviewItem get(long schoolId, long itemId) {
        ReviewItem item = ReviewItem.findById(itemId);
        if (item == null || item.schoolId != schoolId) {
            throw new NotFoundException("No such review item");
        }
        return item;
    }

    /**
     * Closes an item. {@code seenVersion} is the version the person looked at: if someone else acted
     * in between, this one is refused and told (409), never applied twice.
     */
    @Transactional
    public ReviewItem resolve(long schoolId, long itemId, long seenVersion, String by, String resolution, String note) {
        ReviewItem item = get(schoolId, itemId);
        if (item.version != seenVersion || !item.isOpen()) {
            throw new OptimisticLockException("already handled");
        }
        item.status = ReviewStatus.RESOLVED;
        item.resolvedBy = by;
        item.resolvedAt = Instant.now(clock);
        item.resolution = resolution;
        item.resolutionNote = note;
        // flush now, so that a concurrent winner surfaces here as OptimisticLockException (409)
        ReviewItem.getEntityManager().flush();
        events.fire(new ReviewEvents.ReviewItemResolved(schoolId, itemId, resolution, note));
        return item;
    }

    public static List<ReviewKind> kinds() {
        return new ArrayList<>(List.of(ReviewKind.values()));
    }
}
