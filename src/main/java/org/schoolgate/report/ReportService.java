package org.schoolgate.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.schoolgate.moderation.Category;
import org.schoolgate.review.EscalationTarget;
import org.schoolgate.review.ReviewActionType;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.staff.School;

/**
 * Gathers the governors' report: comment figures from the scan's tables, actions, escalations and response
 * times from the review queue, post figures through the {@link PostFigures} port. Aggregates only: the report
 * shows no comment, name or pupil.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    EntityManager em;

    @Inject
    PostFigures postFigures;

    @Transactional
    public GovernorsReport report(long schoolId, LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new jakarta.ws.rs.BadRequestException("The end date is before the start date.");
        }
        if (first.plusYears(5).isBefore(last)) {
            throw new jakarta.ws.rs.BadRequestException("Choose a range of at most five years.");
        }
        School school = School.findById(schoolId);
        ZoneId zone = school.zone();
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();

        PostFigures.Figures posts = postFigures.between(schoolId, from, to);
        long scanned = count("select count(*) from scanned_comment where school_id = ?1 and captured_at >= ?2 and captured_at < ?3",
                schoolId, from, to);
        long flagged = count("select count(*) from scanned_comment where school_id = ?1 and flagged and captured_at >= ?2 and captured_at < ?3",
                schoolId, from, to);
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            if (c != Category.OK) {
                byCategory.put(c.id(), 0L);
            }
        }
        rows("""
                select cat, count(*) from scanned_comment, unnest(categories) as cat
                where school_id = ?1 and flagged and captured_at >= ?2 and captured_at < ?3 group by cat""", schoolId, from, to)
                .forEach(r -> byCategory.computeIfPresent(Category.valueOf((String) r[0]).id(), (k, v) -> ((Number) r[1]).longValue()));
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (ReviewKind k : ReviewKind.values()) {
            byKind.put(k.label(), 0L);
        }
        rows("select kind, count(*) from review_item where school_id = ?1 and created_at >= ?2 and created_at < ?3 group by kind",
                schoolId, from, to).forEach(r -> byKind.put(ReviewKind.valueOf((String) r[0]).label(), ((Number) r[1]).longValue()));
        Map<String, Long> byAction = new LinkedHashMap<>();
        for (ReviewActionType t : ReviewActionType.values()) {
            if (t != ReviewActionType.NOTE && t != ReviewActionType.EVIDENCE_CAPTURED) {
                byAction.put(t.label(), 0L);
            }
        }
        rows("""
                select type, count(*) from review_action where school_id = ?1 and occurred_at >= ?2 and occurred_at < ?3
                and type not in ('NOTE', 'EVIDENCE_CAPTURED') group by type""", schoolId, from, to)
                .forEach(r -> byAction.put(ReviewActionType.valueOf((String) r[0]).label(), ((Number) r[1]).longValue()));
        Map<String, Long> byTarget = new LinkedHashMap<>();
        for (EscalationTarget t : EscalationTarget.values()) {
            byTarget.put(t.label(), 0L);
        }
        rows("select target, count(*) from escalation where school_id = ?1 and escalated_at >= ?2 and escalated_at < ?3 group by target",
                schoolId, from, to).forEach(r -> byTarget.put(EscalationTarget.valueOf((String) r[0]).label(), ((Number) r[1]).longValue()));
        List<Duration> responses = new ArrayList<>();
        long waiting = 0;
        for (Object[] r : rows("select created_at, first_action_at from review_item where school_id = ?1 and created_at >= ?2 and created_at < ?3",
                schoolId, from, to)) {
            if (r[1] == null) {
                waiting++;
            } else {
                responses.add(Duration.between(instant(r[0]), instant(r[1])));
            }
        }
        return new GovernorsReport(school.name, first, last, posts, scanned, flagged, byCategory, byKind, byAction, byTarget,
                responses.size(), waiting, Medians.of(responses));
    }

    private long count(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + o);
    }
}
