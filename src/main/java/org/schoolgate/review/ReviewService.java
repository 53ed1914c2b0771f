package org.schoolgate.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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
     * in between, this one is refused and told (409), never applied twice. "dismissed" also records the
     * subject as a false positive (a label for retraining).
     */
    @Transactional
    public ReviewItem resolve(long schoolId, long itemId, long seenVersion, String by, String resolution, String note) {
        boolean dismissed = "dismissed".equals(resolution);
        ReviewItem item = act(schoolId, itemId, seenVersion, by, dismissed ? ReviewActionType.DISMISSED
                : ReviewActionType.CLOSED, note, resolution, dismissed ? Boolean.FALSE : null);
        events.fire(new ReviewEvents.ReviewItemResolved(schoolId, itemId, resolution, note));
        return item;
    }

    /** Dismisses a false positive: closes the item and labels its subject "not abusive". */
    @Transactional
    public ReviewItem dismiss(long schoolId, long itemId, long seenVersion, String by, String note) {
        return resolve(schoolId, itemId, seenVersion, by, "dismissed", note);
    }

    /**
     * Passes the concern on and keeps a record of it that is never changed. The item stays open (close it when
     * the case is settled); escalating to the DSL, police or LADO labels the subject abusive.
     */
    @Transactional
    public Escalation escalate(long schoolId, long itemId, long seenVersion, String by, EscalationTarget target,
                               String reason, String reference) {
        if (reason == null || reason.isBlank()) {
            throw new jakarta.ws.rs.BadRequestException("Say why you are escalating it.");
        }
        String ref = reference == null || reference.isBlank() ? null : reference.trim();
        act(schoolId, itemId, seenVersion, by, ReviewActionType.ESCALATED, "to " + target.to() + ": " + reason.trim()
                + (ref == null ? "" : " (reference " + ref + ")"), null, target == EscalationTarget.COMPLAINTS ? null : Boolean.TRUE);
        Escalation e = new Escalation();
        e.schoolId = schoolId;
        e.itemId = itemId;
        e.target = target;
        e.reason = reason.trim();
        e.reference = ref;
        e.escalatedBy = by;
        e.escalatedAt = Instant.now(clock);
        e.persist();
        events.fire(new ReviewEvents.ReviewItemEscalated(schoolId, itemId, e.id, target, e.reason, ref, by));
        return e;
    }

    /** A note for the record; notes never conflict with anyone's action. */
    @Transactional
    public ReviewAction note(long schoolId, long itemId, String by, String text) {
        if (text == null || text.isBlank()) {
            throw new jakarta.ws.rs.BadRequestException("Write the note first.");
        }
        get(schoolId, itemId);
        ReviewAction a = record(schoolId, itemId, ReviewActionType.NOTE, by, text.trim());
        events.fire(new ReviewEvents.ReviewItemActed(schoolId, itemId, ReviewActionType.NOTE.id(), a.detail));
        return a;
    }

    /**
     * A feature's action on the item's subject (hide, delete, reply, letter …), taken by {@code by} who saw
     * {@code seenVersion}. Flushes at once, so that of two people acting together one wins and the other gets
     * {@link AlreadyActed} or an optimistic-lock failure (both 409) before the caller touches any platform.
     *
     * @param closeAs  when not null the item is closed with this resolution
     * @param abusive  when not null the subject is labelled (true: confirmed abusive; false: a false positive)
     */
    @Transactional
    public ReviewItem act(long schoolId, long itemId, long seenVersion, String by, ReviewActionType type,
                          String detail, String closeAs, Boolean abusive) {
        ReviewItem item = get(schoolId, itemId);
        if (item.version != seenVersion || (closeAs != null && !item.isOpen())) {
            throw AlreadyActed.on(item);
        }
        Instant now = Instant.now(clock);
        if (item.firstActionAt == null) {
            item.firstActionAt = now;
        }
        item.lastAction = type.id();
        item.lastActionBy = by;
        item.lastActionAt = now;
        if (closeAs != null) {
            item.status = ReviewStatus.RESOLVED;
            item.resolvedBy = by;
            item.resolvedAt = now;
            item.resolution = closeAs;
            item.resolutionNote = detail;
        }
        // flush now, so that a concurrent winner surfaces here as OptimisticLockException (409)
        ReviewItem.getEntityManager().flush();
        record(schoolId, itemId, type, by, detail);
        if (abusive != null) {
            label(item, abusive, type.id(), by, now);
        }
        if (type != ReviewActionType.CLOSED && type != ReviewActionType.DISMISSED && type != ReviewActionType.ESCALATED) {
            events.fire(new ReviewEvents.ReviewItemActed(schoolId, itemId, type.id(), detail));
        }
        return item;
    }

    private ReviewAction record(long schoolId, long itemId, ReviewActionType type, String by, String detail) {
        ReviewAction a = new ReviewAction();
        a.schoolId = schoolId;
        a.itemId = itemId;
        a.type = type;
        a.actor = by;
        a.occurredAt = Instant.now(clock);
        a.detail = detail == null || detail.isBlank() ? null : detail;
        a.persist();
        return a;
    }

    private static void label(ReviewItem item, boolean abusive, String source, String by, Instant at) {
        ReviewLabel l = ReviewLabel.findById(item.id);
        if (l == null) {
            l = new ReviewLabel();
            l.itemId = item.id;
            l.schoolId = item.schoolId;
            l.abusive = abusive;
            l.source = source;
            l.decidedBy = by;
            l.decidedAt = at;
            l.persist();
        } else {
            l.abusive = abusive;
            l.source = source;
            l.decidedBy = by;
            l.decidedAt = at;
        }
    }

    /** The item's history, oldest first. */
    @Transactional
    public List<ReviewAction> history(long schoolId, long itemId) {
        return ReviewAction.list("schoolId = ?1 and itemId = ?2 order by occurredAt, id", schoolId, itemId);
    }

    @Transactional
    public List<Escalation> escalationsOf(long schoolId, long itemId) {
        return Escalation.list("schoolId = ?1 and itemId = ?2 order by escalatedAt, id", schoolId, itemId);
    }

    /** The school's escalations, newest first, optionally of one target. */
    @Transactional
    public List<Escalation> escalations(long schoolId, EscalationTarget target, int offset, int limit) {
        var q = target == null
                ? Escalation.<Escalation>find("schoolId = ?1 order by escalatedAt desc, id desc", schoolId)
                : Escalation.<Escalation>find("schoolId = ?1 and target = ?2 order by escalatedAt desc, id desc", schoolId, target);
        return q.range(offset, offset + limit - 1).list();
    }

    @Transactional
    public long escalationsToSince(long schoolId, EscalationTarget target, Instant since) {
        return Escalation.count("schoolId = ?1 and target = ?2 and escalatedAt >= ?3", schoolId, target, since);
    }

    /** Labels of the school's items of one kind, for retraining. */
    @Transactional
    public List<ReviewLabel> labels(long schoolId, ReviewKind kind) {
        return ReviewLabel.list("schoolId = ?1 and itemId in (select i.id from ReviewItem i where i.kind = ?2) "
                + "order by decidedAt, itemId", schoolId, kind);
    }

    public static List<ReviewKind> kinds() {
        return new ArrayList<>(List.of(ReviewKind.values()));
    }
}
