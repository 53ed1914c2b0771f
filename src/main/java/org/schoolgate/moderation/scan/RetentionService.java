package org.schoolgate.moderation.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;
import org.schoolgate.audit.AuditableEvent;

/**
 * Data minimisation (SPEC §2.7): the text and author name of unflagged comments are purged once
 * they were captured longer ago than the retention period. Flagged comments, comments with an
 * evidence record, and the evidence itself are kept. Audited as one count per school.
 */
@ApplicationScoped
public class RetentionService {

    private static final String PURGE = """
            with purged as (
                update scanned_comment c set text = null, author_name = null, text_purged_at = ?
                 where not c.flagged and c.text_purged_at is null and c.captured_at < ?
                   and not exists (select 1 from evidence_record e where e.comment_id = c.id)
                returning c.school_id)
            select school_id, count(*) from purged group by school_id""";

    @Inject
    EntityManager em;

    @Inject
    RetentionConfig config;

    @Inject
    Event<AuditableEvent> events;

    @Inject
    Clock clock;

    /** Purges everything due now; returns the number of comments purged per school. */
    @Transactional
    public Map<Long, Long> purge() {
        Instant now = Instant.now(clock);
        Instant cutoff = now.minus(Duration.ofDays(config.unflaggedDays()));
        Map<Long, Long> perSchool = em.unwrap(Session.class).doReturningWork(conn -> {
            Map<Long, Long> counts = new TreeMap<>();
            try (PreparedStatement st = conn.prepareStatement(PURGE)) {
                st.setTimestamp(1, Timestamp.from(now));
                st.setTimestamp(2, Timestamp.from(cutoff));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
        perSchool.forEach((school, count) -> events.fire(new ModerationEvents.UnflaggedTextPurged(school, count, cutoff)));
        return perSchool;
    }
}
