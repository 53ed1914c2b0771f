package org.schoolgate.moderation.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.moderation.Category;
import org.schoolgate.review.NewReviewItem;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewService;

/**
 * Writes one batch of scanned comments in one transaction: the posts and comments in bulk
 * ({@code insert … select from unnest(…) on conflict do nothing}, so a comment read twice is stored
 * once), then for every comment that is new and flagged its evidence record, its review item and
 * {@code CommentFlagged}, and the run's progress. Nothing is written per comment that is not flagged.
 */
@ApplicationScoped
public class ScanWriter {

    static final int EXCERPT = 120;

    /** A new flagged comment the scan may hide once this batch has committed. */
    record Flagged(long commentId, String platformCommentId, long evidenceId, ScannedComment comment,
                   boolean canHide) {
    }

    record Written(int newComments, List<Flagged> flagged) {
    }

    private static final String INSERT_POSTS = """
            insert into scanned_post (school_id, channel_id, platform_post_id, text, permalink, created_at, captured_at)
            select ?, ?, u.pid, u.txt, u.link, u.created::timestamptz, ?
              from unnest(?::varchar[], ?::text[], ?::varchar[], ?::text[]) as u(pid, txt, link, created)
            on conflict (channel_id, platform_post_id) do nothing""";

    private static final String INSERT_COMMENTS = """
            insert into scanned_comment (school_id, channel_id, scan_run_id, captured_at, platform_comment_id,
                   platform_post_id, parent_platform_id, author_platform_id, author_name, text, created_at, permalink,
                   hidden, abusive, categories, severity, model_version, why, flagged)
            select ?, ?, ?, ?, u.cid, u.pid, u.parent, u.aid, u.aname, u.txt, u.created::timestamptz, u.link,
                   u.hidden, u.abusive, string_to_array(u.cats, ','), u.sev, u.model, u.why, u.flagged
              from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[],
                          ?::varchar[], ?::boolean[], ?::float8[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],
                          ?::boolean[])
                   as u(cid, pid, parent, aid, aname, txt, created, link, hidden, abusive, cats, sev, model, why, flagged)
            on conflict (channel_id, platform_comment_id) do nothing
            returning id, platform_comment_id""";

    private static final String PROGRESS = """
            update scan_run set channels_done = ?, channels_failed = ?, comments_read = ?, comments_new = ?,
                   flagged = ?, hidden = ?, last_progress_at = ?
             where id = ? and status = 'RUNNING'""";

    @Inject
    EntityManager em;

    @Inject
    EvidenceService evidence;

    @Inject
    ReviewService review;

    @Inject
    Event<AuditableEvent> events;

    @Inject
    Clock clock;

    /**
     * Writes the batch; {@code progress} is what the run has done before it (this batch's counts are
     * added in the database, the caller adds them to its own counters after the commit).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Written write(ScanBatch batch, ScanProgress progress) {
        Session session = em.unwrap(Session.class);
        session.setJdbcBatchSize(50);
        // nothing this transaction reads needs its own unflushed rows (each review subject and evidence
        // record is a new comment's), so flush once at commit, in JDBC batches, not before every query
        session.setHibernateFlushMode(FlushMode.COMMIT);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<String, Long> inserted = new HashMap<>();
        session.doWork(conn -> {
            insertPosts(conn, batch, now);
            inserted.putAll(insertComments(conn, batch, now));
        });
        List<Flagged> flagged = flagNew(batch, inserted);
        ScanProgress after = progress.copy();
        after.commentsRead += batch.size();
        after.commentsNew += inserted.size();
        after.flagged += flagged.size();
        if (!saveProgress(batch.runId, after, now)) {
            throw new ScanStopped(batch.runId);
        }
        return new Written(inserted.size(), flagged);
    }

    /** Progress without a batch (a channel finished or failed). False when the run is no longer running. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean saveProgress(long runId, ScanProgress p, Instant now) {
        return em.unwrap(Session.class).doReturningWork(conn -> {
            try (PreparedStatement st = conn.prepareStatement(PROGRESS)) {
                st.setInt(1, p.channelsDone);
                st.setInt(2, p.channelsFailed);
                st.setLong(3, p.commentsRead);
                st.setLong(4, p.commentsNew);
                st.setInt(5, p.flagged);
                st.setInt(6, p.hidden);
                st.setTimestamp(7, Timestamp.from(now));
                st.setLong(8, runId);
                return st.executeUpdate() == 1;
            }
        });
    }

    private static void insertPosts(Connection conn, ScanBatch batch, Instant now) throws SQLException {
        List<PlatformPost> posts = new ArrayList<>(batch.posts.values());
        try (PreparedStatement st = conn.prepareStatement(INSERT_POSTS)) {
            st.setLong(1, batch.schoolId);
            st.setLong(2, batch.channelId);
            st.setTimestamp(3, Timestamp.from(now));
            st.setArray(4, strings(conn, posts, p -> clip(p.id(), 128)));
            st.setArray(5, conn.createArrayOf("text", posts.stream().map(p -> text(p.text())).toArray()));
            st.setArray(6, strings(conn, posts, p -> p.permalink().map(u -> clip(u.toString(), 1000)).orElse(null)));
            st.setArray(7, conn.createArrayOf("text", posts.stream().map(p -> p.createdAt() == null ? null
                    : p.createdAt().toString()).toArray()));
            st.executeUpdate();
        }
    }

    /** Platform comment id → database id, for the comments this batch stored for the first time. */
    private static Map<String, Long> insertComments(Connection conn, ScanBatch batch, Instant now)
            throws SQLException {
        List<ScanBatch.Entry> es = batch.entries;
        try (PreparedStatement st = conn.prepareStatement(INSERT_COMMENTS)) {
            st.setLong(1, batch.schoolId);
            st.setLong(2, batch.channelId);
            st.setLong(3, batch.runId);
            st.setTimestamp(4, Timestamp.from(now));
            st.setArray(5, strings(conn, es, e -> clip(e.comment().id(), 128)));
            st.setArray(6, strings(conn, es, e -> clip(e.comment().postId(), 128)));
            st.setArray(7, strings(conn, es, e -> e.comment().parentId().map(p -> clip(p, 128)).orElse(null)));
            st.setArray(8, strings(conn, es, e -> e.comment().author().map(PlatformComment.Author::platformScopedId)
                    .filter(s -> !s.isBlank()).map(s -> clip(s, 128)).orElse(null)));
            st.setArray(9, strings(conn, es, e -> e.comment().author().map(PlatformComment.Author::displayName)
                    .map(s -> clip(text(s), 300)).orElse(null)));
            st.setArray(10, conn.createArrayOf("text", es.stream().map(e -> text(e.comment().text())).toArray()));
            st.setArray(11, conn.createArrayOf("text", es.stream().map(e -> e.comment().createdAt().toString())
                    .toArray()));
            st.setArray(12, strings(conn, es, e -> e.permalink() == null ? null : clip(e.permalink(), 1000)));
            st.setArray(13, conn.createArrayOf("boolean", es.stream().map(e -> e.comment().hidden()).toArray()));
            st.setArray(14, conn.createArrayOf("float8", es.stream().map(e -> e.verdict().abusive()).toArray()));
            st.setArray(15, strings(conn, es, e -> e.verdict().categories().stream().map(Category::name)
                    .collect(Collectors.joining(","))));
            st.setArray(16, strings(conn, es, e -> e.verdict().severity().name()));
            st.setArray(17, strings(conn, es, e -> clip(e.verdict().modelVersion(), 100)));
            st.setArray(18, conn.createArrayOf("text", es.stream().map(e -> e.verdict().why()).toArray()));
            st.setArray(19, conn.createArrayOf("boolean", es.stream().map(e -> e.verdict().flagged()).toArray()));
            Map<String, Long> ids = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Evidence first, then the review item, for each comment that is new and flagged. */
    private List<Flagged> flagNew(ScanBatch batch, Map<String, Long> inserted) {
        Map<String, ScanBatch.Entry> newFlagged = new HashMap<>();
        for (ScanBatch.Entry e : batch.entries) {
            if (e.verdict().flagged() && inserted.containsKey(e.comment().id())) {
                newFlagged.putIfAbsent(e.comment().id(), e);
            }
        }
        if (newFlagged.isEmpty()) {
            return List.of();
        }
        List<Long> ids = newFlagged.keySet().stream().map(inserted::get).sorted().toList();
        List<ScannedComment> comments = ScannedComment.list("id in ?1 order by id", ids);
        Map<String, ScannedPost> posts = ScannedPost.<ScannedPost>list("channelId = ?1 and platformPostId in ?2",
                batch.channelId, comments.stream().map(c -> c.platformPostId).distinct().toList())
                .stream().collect(Collectors.toMap(p -> p.platformPostId, Function.identity()));
        Channel channel = Channel.findById(batch.channelId);
        List<Flagged> out = new ArrayList<>(comments.size());
        for (ScannedComment c : comments) {
            EvidenceRecord r = evidence.captureNew(c, posts.get(c.platformPostId), channel, EvidenceService.SCAN);
            c.reviewItemId = raise(c).id;
            events.fire(new ModerationEvents.CommentFlagged(c.schoolId, c.id, c.reviewItemId, c.severity,
                    List.copyOf(c.categories)));
            out.add(new Flagged(c.id, c.platformCommentId, r.id, c, newFlagged.get(c.platformCommentId).comment()
                    .canHide()));
        }
        return out;
    }

    private ReviewItem raise(ScannedComment c) {
        String subject = Long.toString(c.id);
        return review.raise(new NewReviewItem(c.schoolId, ReviewKind.FLAGGED_COMMENT, c.severity, "comment", subject,
                c.channelId, summary(c), c.why)).orElseGet(() -> ReviewItem.<ReviewItem>find(
                "schoolId = ?1 and kind = ?2 and subjectType = 'comment' and subjectId = ?3", c.schoolId,
                ReviewKind.FLAGGED_COMMENT, subject).firstResult());
    }

    /** "threat, abuse: “I know which car is…”" — the categories, then a short excerpt. */
    static String summary(ScannedComment c) {
        String cats = c.categoryList().stream().map(Category::id).collect(Collectors.joining(", "));
        String text = c.text == null ? "" : c.text.strip().replaceAll("\\s+", " ");
        String excerpt = text.length() > EXCERPT ? text.substring(0, EXCERPT - 1) + "…" : text;
        return cats + ": “" + excerpt + "”";
    }

    private static <T> Array strings(Connection conn, List<T> items, Function<T, String> f) throws SQLException {
        return conn.createArrayOf("varchar", items.stream().map(f).toArray());
    }

    /** PostgreSQL text cannot hold NUL; nothing else is changed. */
    private static String text(String s) {
        return s == null || s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "");
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
