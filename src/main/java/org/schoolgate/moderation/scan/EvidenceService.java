package org.schoolgate.moderation.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.channels.Channel;

/**
 * The evidence record of a comment (SPEC §2.5): captured once, before any hide or delete, as
 * canonical JSON with its SHA-256; {@link #verify} recomputes the hash.
 */
@ApplicationScoped
public class EvidenceService {

    /** Who captures during a scan. */
    public static final String SCAN = "scan";

    static final String SCHEMA = "schoolgate-evidence/1";

    /** Keys sorted at every level, no pretty printing: the same record always gives the same bytes. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @Inject
    Clock clock;

    @Inject
    Event<AuditableEvent> events;

    /**
     * The comment's evidence record, captured now unless it already exists (then the existing one).
     * Another school's comment is 404; a comment whose text was purged cannot be captured.
     */
    @Transactional
    public EvidenceRecord capture(long schoolId, long commentId, String by) {
        ScannedComment c = ScannedComment.findById(commentId);
        if (c == null || c.schoolId != schoolId) {
            throw new NotFoundException("No such comment");
        }
        Optional<EvidenceRecord> existing = forComment(schoolId, commentId);
        if (existing.isPresent()) {
            return existing.get();
        }
        ScannedPost post = ScannedPost.find(c.channelId, c.platformPostId).orElse(null);
        Channel channel = Channel.findById(c.channelId);
        return captureNew(c, post, channel, by);
    }

    /** For the scan, which holds the comment, post and channel already and knows no record exists yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    EvidenceRecord captureNew(ScannedComment c, ScannedPost post, Channel channel, String by) {
        if (c.isPurged()) {
            throw new IllegalStateException("Comment " + c.id + " was purged; there is nothing left to capture");
        }
        EvidenceRecord r = new EvidenceRecord();
        r.schoolId = c.schoolId;
        r.commentId = c.id;
        r.channelId = c.channelId;
        r.capturedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        r.capturedBy = by;
        r.recordJson = canonicalJson(c, post, channel, r.capturedAt, by);
        r.sha256 = sha256(r.recordJson);
        r.persist();
        events.fire(new ModerationEvents.EvidenceCaptured(c.schoolId, c.id, r.id, r.sha256, by));
        return r;
    }

    /** True when the stored hash is the SHA-256 of the stored JSON. */
    public boolean verify(EvidenceRecord r) {
        return r.sha256 != null && MessageDigest.isEqual(sha256(r.recordJson).getBytes(StandardCharsets.US_ASCII),
                r.sha256.getBytes(StandardCharsets.US_ASCII));
    }

    @Transactional
    public Optional<EvidenceRecord> forComment(long schoolId, long commentId) {
        return EvidenceRecord.<EvidenceRecord>find("schoolId = ?1 and commentId = ?2", schoolId, commentId)
                .firstResultOptional();
    }

    static String canonicalJson(ScannedComment c, ScannedPost post, Channel channel, Instant capturedAt, String by) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("id", c.authorPlatformId);
        author.put("name", c.authorName);
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("id", c.platformCommentId);
        comment.put("parentId", c.parentPlatformId);
        comment.put("text", c.text);
        comment.put("author", author);
        comment.put("createdAt", time(c.createdAt));
        comment.put("permalink", c.permalink);
        comment.put("hiddenWhenRead", c.hidden);
        comment.put("readAt", time(c.capturedAt));
        Map<String, Object> onPost = new LinkedHashMap<>();
        onPost.put("id", c.platformPostId);
        onPost.put("text", post == null ? null : post.text);
        onPost.put("permalink", post == null ? null : post.permalink);
        onPost.put("createdAt", post == null ? null : time(post.createdAt));
        Map<String, Object> ch = new LinkedHashMap<>();
        ch.put("id", c.channelId);
        ch.put("platform", channel == null ? null : channel.platform.name());
        ch.put("accountId", channel == null ? null : channel.accountId);
        ch.put("name", channel == null ? null : channel.name);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("abusive", c.abusive);
        verdict.put("categories", c.categories);
        verdict.put("severity", c.severity.id());
        verdict.put("modelVersion", c.modelVersion);
        verdict.put("why", c.why);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("schema", SCHEMA);
        record.put("schoolId", c.schoolId);
        record.put("commentId", c.id);
        record.put("channel", ch);
        record.put("comment", comment);
        record.put("post", onPost);
        record.put("verdict", verdict);
        record.put("capturedAt", time(capturedAt));
        record.put("capturedBy", by);
        try {
            return CANONICAL.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Evidence record could not be written as JSON", e);
        }
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    static String sha256(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
