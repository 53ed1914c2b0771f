package org.schoolgate.moderation.actions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.schoolgate.channels.Capabilities.Operation;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelConnector;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelStatus;
import org.schoolgate.channels.ConnectorFactory;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.scan.EvidenceRecord;
import org.schoolgate.moderation.scan.EvidenceService;
import org.schoolgate.moderation.scan.ScannedComment;
import org.schoolgate.moderation.scan.ScannedPost;
import org.schoolgate.review.AlreadyActed;
import org.schoolgate.review.ReviewAction;
import org.schoolgate.review.ReviewActionType;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewService;
import org.schoolgate.staff.StaffUser;

/**
 * What the headteacher or DSL does to a flagged comment on the platform: hide, unhide, delete, reply. Each
 * action is first recorded on the comment's review item with the version the person saw (flushed at once, so
 * of two people acting together one wins and the other is told before any platform call), then made on the
 * platform through the channel's connector, in the same transaction: if the platform refuses, nothing is
 * recorded and the person is told why. Evidence comes first: hiding captures it (committed on its own) when the
 * scan had not; deleting is refused until it exists.
 */
@ApplicationScoped
public class CommentActions {

    private static final int EARLIER = 10;

    @Inject
    ReviewService review;

    @Inject
    EvidenceService evidence;

    @Inject
    ConnectorFactory connectors;

    /** The school's flagged comment, or 404 (another school's, or one that raised no item). */
    @Transactional
    public ScannedComment flagged(long schoolId, long commentId) {
        ScannedComment c = ScannedComment.findById(commentId);
        if (c == null || c.schoolId != schoolId || c.reviewItemId == null) {
            throw new NotFoundException("No such flagged comment");
        }
        return c;
    }

    @Transactional
    public CommentView view(long schoolId, long commentId) {
        ScannedComment c = flagged(schoolId, commentId);
        Channel channel = Channel.findById(c.channelId);
        String root = c.parentPlatformId == null ? c.platformCommentId : c.parentPlatformId;
        List<ScannedComment> thread = ScannedComment.list("""
                        channelId = ?1 and platformPostId = ?2 and (platformCommentId = ?3 or parentPlatformId = ?3)
                        order by createdAt, id""", c.channelId, c.platformPostId, root);
        List<ScannedComment> earlier = c.authorPlatformId == null ? List.of() : ScannedComment.<ScannedComment>find("""
                        channelId = ?1 and authorPlatformId = ?2 and flagged = true and id <> ?3
                        order by createdAt desc""", c.channelId, c.authorPlatformId, c.id).range(0, EARLIER - 1).list();
        ReviewItem item = review.get(schoolId, c.reviewItemId);
        boolean deleted = ReviewAction.count("itemId = ?1 and type = ?2", item.id, ReviewActionType.DELETED) > 0;
        Set<Category> categories = c.categoryList().isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(c.categoryList());
        boolean namesStaff = EscalationPolicy.namesStaff(c.why, StaffUser.<StaffUser>find(
                "select u from StaffUser u join u.schools s where s.id = ?1 and u.active = true", schoolId).stream()
                .map(u -> u.displayName).toList());
        ChannelConnector connector = connector(channel).orElse(null);
        return new CommentView(c, channel.name, can(connector, Operation.HIDE), can(connector, Operation.DELETE),
                can(connector, Operation.REPLY), ScannedPost.find(c.channelId, c.platformPostId), thread, earlier,
                evidence.forComment(schoolId, commentId), item, deleted, EscalationPolicy.suggest(categories, namesStaff));
    }

    /** Captures the evidence now unless it exists (then the existing record). */
    public EvidenceRecord captureEvidence(long schoolId, long commentId, String by) {
        flagged(schoolId, commentId);
        return evidence.capture(schoolId, commentId, by);
    }

    public ScannedComment hide(long schoolId, long commentId, long seenVersion, String by) {
        ScannedComment c = flagged(schoolId, commentId);
        // the evidence is stored and committed before the platform is touched
        EvidenceRecord record = evidence.capture(schoolId, commentId, by);
        return onPlatform(schoolId, c, seenVersion, by, ReviewActionType.HIDDEN, "hidden", true,
                "hid the comment (evidence " + record.id + ", sha256 " + record.sha256.substring(0, 12) + "…)",
                Operation.HIDE, connector -> connector.setHidden(c.platformCommentId, true), fresh -> fresh.hidden = true);
    }

    public ScannedComment unhide(long schoolId, long commentId, long seenVersion, String by) {
        ScannedComment c = flagged(schoolId, commentId);
        return onPlatform(schoolId, c, seenVersion, by, ReviewActionType.UNHIDDEN, null, null,
                "made the comment visible again", Operation.HIDE,
                connector -> connector.setHidden(c.platformCommentId, false), fresh -> fresh.hidden = false);
    }

    public ScannedComment delete(long schoolId, long commentId, long seenVersion, String by) {
        ScannedComment c = flagged(schoolId, commentId);
        EvidenceRecord record = evidence.forComment(schoolId, commentId).orElseThrow(() -> new BadRequestException(
                "Capture the evidence before deleting: a deleted comment cannot be read again."));
        return onPlatform(schoolId, c, seenVersion, by, ReviewActionType.DELETED, "deleted", true,
                "deleted the comment from the platform (evidence " + record.id + " kept)", Operation.DELETE,
                connector -> {
                    try {
                        connector.deleteComment(c.platformCommentId);
                    } catch (ChannelException e) {
                        if (e.kind() != ChannelException.Kind.NOT_FOUND) {
                            throw e;
                        }
                        // already gone on the platform: the deletion is done
                    }
                }, fresh -> fresh.hidden = true);
    }

    /** An official reply as the school's account; the words are kept in the item's history and the audit log. */
    public String reply(long schoolId, long commentId, long seenVersion, String by, String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException("Write the reply first.");
        }
        if (text.length() > 2000) {
            throw new BadRequestException("A reply can be at most 2,000 characters.");
        }
        ScannedComment c = flagged(schoolId, commentId);
        String[] replyId = new String[1];
        onPlatform(schoolId, c, seenVersion, by, ReviewActionType.REPLIED, null, null, "replied: " + text.trim(),
                Operation.REPLY, connector -> replyId[0] = connector.reply(c.platformCommentId, text.trim()), fresh -> {
                });
        return replyId[0];
    }

    private ScannedComment onPlatform(long schoolId, ScannedComment c, long seenVersion, String by, ReviewActionType type,
                                      String closeAs, Boolean abusive, String detail, Operation op,
                                      Consumer<ChannelConnector> call, Consumer<ScannedComment> after) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReviewItem item = review.get(schoolId, c.reviewItemId);
            if (item.version != seenVersion) {
                throw AlreadyActed.on(item);
            }
            Channel channel = Channel.findById(c.channelId);
            ChannelConnector connector = connector(channel).orElseThrow(() -> new PlatformRefused(
                    channel.name + " is not connected or is suspended: reconnect it first."));
            if (!connector.capabilities().can(op)) {
                throw new PlatformRefused(channel.name + " cannot " + op.name().toLowerCase() + " comments ("
                        + channel.platform + ").");
            }
            review.act(schoolId, item.id, seenVersion, by, type, detail + " on " + channel.name,
                    item.isOpen() ? closeAs : null, abusive);
            try {
                call.accept(connector);
            } catch (ChannelException e) {
                throw new PlatformRefused(channel.name + " refused: " + e.getMessage() + " (" + e.kind() + ")");
            }
            ScannedComment fresh = ScannedComment.findById(c.id);
            after.accept(fresh);
            return fresh;
        });
    }

    private Optional<ChannelConnector> connector(Channel channel) {
        if (channel == null || !channel.isConnected() || channel.status == ChannelStatus.SUSPENDED
                || channel.status == ChannelStatus.PENDING) {
            return Optional.empty();
        }
        try {
            return Optional.of(connectors.forChannel(channel));
        } catch (ChannelException e) {
            return Optional.empty();
        }
    }

    private static boolean can(ChannelConnector connector, Operation op) {
        return connector != null && connector.capabilities().can(op);
    }
}
