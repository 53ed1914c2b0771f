package org.schoolgate.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.channels.Channel;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.scan.ScannedComment;
import org.schoolgate.review.Ages;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewStatus;
import org.schoolgate.review.Severity;
import org.schoolgate.staff.School;

/**
 * The morning digest of one school: the items raised since the last digest that are still open, to every
 * headteacher and DSL, only when there are any. The school's digest row is locked while it runs and moved on
 * in the same transaction, and each message has a key per school, day and person: a second run the same
 * morning (another instance, a retry) finds nothing new and queues nothing.
 */
@ApplicationScoped
public class DigestService {

    /** The first digest of a school looks back this far. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    Recipients recipients;

    @Inject
    NotifyConfig config;

    @Inject
    Event<AuditableEvent> events;

    @Transactional
    public List<Long> schoolIds() {
        return em.createQuery("select s.id from School s order by s.id", Long.class).getResultList();
    }

    /** Queues the school's digest if it has new open items; returns how many items it reported. */
    @Transactional
    public int digest(long schoolId) {
        Instant now = Instant.now(clock);
        em.createNativeQuery("insert into digest_state (school_id, reported_to) values (?1, ?2) on conflict do nothing")
                .setParameter(1, schoolId).setParameter(2, now.minus(FIRST_LOOK_BACK)).executeUpdate();
        Object locked = em.createNativeQuery("select reported_to from digest_state where school_id = ?1 for update")
                .setParameter(1, schoolId).getSingleResult();
        Instant from = locked instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) locked;
        em.createNativeQuery("update digest_state set reported_to = ?2 where school_id = ?1")
                .setParameter(1, schoolId).setParameter(2, now).executeUpdate();
        List<ReviewItem> fresh = ReviewItem.list("""
                        schoolId = ?1 and status = ?2 and createdAt > ?3 and createdAt <= ?4
                        order by severityRank desc, createdAt asc, id asc""", schoolId, ReviewStatus.OPEN, from, now);
        if (fresh.isEmpty()) {
            return 0;
        }
        School school = School.findById(schoolId);
        Map<Long, String> channels = Channel.<Channel>list("schoolId", schoolId).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.name));
        List<Mails.DigestItem> items = new ArrayList<>();
        for (ReviewItem i : fresh) {
            items.add(new Mails.DigestItem(i.kind.label(), i.severity.id(), what(i),
                    i.channelId == null ? "" : channels.getOrDefault(i.channelId, ""), Ages.between(i.createdAt, now),
                    config.baseUrl() + "/review/" + i.id));
        }
        long urgent = fresh.stream().filter(i -> i.severity.rank() >= Severity.HIGH.rank()).count();
        long open = ReviewItem.count("schoolId = ?1 and status = ?2", schoolId, ReviewStatus.OPEN);
        LocalDate day = now.atZone(UkTime.LONDON).toLocalDate();
        Mails.Digest d = new Mails.Digest(school.name, day.toString(), items, urgent, open, config.baseUrl() + "/review");
        List<String> to = recipients.headsAndDsls(schoolId);
        for (String person : to) {
            outbox.queue(new Outbox.Message(schoolId, MailKind.DIGEST, "digest:" + schoolId + ":" + day + ":" + person,
                    person, d.subject(), Mails.Templates.digestText(d).render(), Mails.Templates.digestHtml(d).render()));
        }
        events.fire(new NotifyEvents.DigestQueued(schoolId, items.size(), to.size()));
        return items.size();
    }

    /**
     * What the item is about. A flagged comment is described by its categories only: its words and author stay
     * in Schoolgate (an e-mail leaves the school's control); the features' own summaries are safe to send.
     */
    private static String what(ReviewItem i) {
        if (i.kind == ReviewKind.FLAGGED_COMMENT) {
            List<ScannedComment> c = ScannedComment.list("reviewItemId", i.id);
            return c.isEmpty() ? "a flagged comment" : "a comment flagged for " + c.get(0).categoryList().stream()
                    .map(Category::id).collect(Collectors.joining(", "));
        }
        return i.summary;
    }
}
