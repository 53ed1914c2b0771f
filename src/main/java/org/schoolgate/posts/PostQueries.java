package org.schoolgate.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.ChannelStatus;

/** The lists: my posts, the sign-off inbox, the approval queue (by the time each post goes out). */
@ApplicationScoped
public class PostQueries {

    @Transactional
    public List<Post> mine(long schoolId, long authorId, int offset, int limit) {
        return Post.<Post>find("schoolId = ?1 and authorId = ?2 order by updatedAt desc, id desc", schoolId, authorId)
                .range(offset, offset + limit - 1).list();
    }

    @Transactional
    public List<Post> all(long schoolId, int offset, int limit) {
        return Post.<Post>find("schoolId = ?1 order by updatedAt desc, id desc", schoolId)
                .range(offset, offset + limit - 1).list();
    }

    /** Waiting for a sign-off, not written by the reader, oldest submission first. */
    @Transactional
    public List<Post> signOffInbox(long schoolId, long readerId) {
        return Post.list("schoolId = ?1 and status = ?2 and authorId <> ?3 order by submittedAt, id", schoolId,
                PostStatus.AWAITING_SIGN_OFF, readerId);
    }

    /**
     * Waiting for the headteacher, ordered by when each would go out: its scheduled time, or (no schedule:
     * "as soon as approved") the time it was signed off.
     */
    @Transactional
    public List<Post> approvalQueue(long schoolId, int offset, int limit) {
        return Post.getEntityManager().createQuery("from Post p where p.schoolId = :s and p.status = :st"
                        + " order by coalesce(p.scheduledAt, p.signedOffAt), p.id", Post.class)
                .setParameter("s", schoolId).setParameter("st", PostStatus.AWAITING_APPROVAL)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Transactional
    public long count(long schoolId, PostStatus status) {
        return Post.count("schoolId = ?1 and status = ?2", schoolId, status);
    }

    @Transactional
    public long signOffCount(long schoolId, long readerId) {
        return Post.count("schoolId = ?1 and status = ?2 and authorId <> ?3", schoolId, PostStatus.AWAITING_SIGN_OFF,
                readerId);
    }

    /** The author's posts that need them: drafts, rejected, blocked. */
    @Transactional
    public long needingAuthor(long schoolId, long authorId) {
        return Post.count("schoolId = ?1 and authorId = ?2 and status in ?3", schoolId, authorId,
                List.of(PostStatus.DRAFT, PostStatus.BLOCKED));
    }

    @Transactional
    public long blockedOrRejected(long schoolId, long authorId) {
        return Post.count("schoolId = ?1 and authorId = ?2 and (status = ?3 or (status = ?4 and rejectedReason is not null))",
                schoolId, authorId, PostStatus.BLOCKED, PostStatus.DRAFT);
    }

    /** The channels a draft may go to: the school's active official ones. */
    @Transactional
    public List<Channel> publishable(long schoolId) {
        return Channel.list("schoolId = ?1 and status = ?2 and kind = ?3 order by name", schoolId, ChannelStatus.ACTIVE,
                ChannelKind.OFFICIAL);
    }

    @Transactional
    public Map<Long, Channel> channels(long schoolId) {
        Map<Long, Channel> m = new LinkedHashMap<>();
        Channel.<Channel>list("schoolId = ?1 order by name", schoolId).forEach(c -> m.put(c.id, c));
        return m;
    }
}
