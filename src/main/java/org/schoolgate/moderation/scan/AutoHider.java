package org.schoolgate.moderation.scan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.channels.Capabilities;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelConnector;
import org.schoolgate.channels.ChannelException;

/**
 * Optional auto-hide (SPEC §2.4): hides flagged comments at or above the configured severity on the
 * platform — never deletes — and only once their evidence record is committed (checked again here,
 * in a transaction of its own, right before the call). A refusal is recorded on the comment and in
 * the audit trail, and the comment stays in the review queue for a person.
 */
@ApplicationScoped
public class AutoHider {

    private static final Logger LOG = Logger.getLogger(AutoHider.class);

    @Inject
    ScanConfig config;

    @Inject
    Event<AuditableEvent> events;

    @Inject
    Clock clock;

    public boolean enabled() {
        return config.autoHide().enabled();
    }

    /** Hides those of the batch's new flagged comments that are due; returns how many were hidden. */
    int hideDue(ChannelConnector connector, Channel channel, List<ScanWriter.Flagged> flagged) {
        if (!enabled()) {
            return 0;
        }
        int threshold = config.autoHide().threshold().rank();
        int hidden = 0;
        for (ScanWriter.Flagged f : flagged) {
            if (f.comment().severity.rank() < threshold || f.comment().hidden) {
                continue;
            }
            if (hide(connector, channel, f)) {
                hidden++;
            }
        }
        return hidden;
    }

    private boolean hide(ChannelConnector connector, Channel channel, ScanWriter.Flagged f) {
        if (!connector.capabilities().can(Capabilities.Operation.HIDE)) {
            refused(f, channel, "Not hidden automatically: this channel cannot hide comments"
                    + (channel.isReadOnly() ? " (a monitored channel: Schoolgate only reads it)" : "") + ".");
            return false;
        }
        if (!f.canHide()) {
            refused(f, channel, "Not hidden automatically: the platform does not allow hiding this comment.");
            return false;
        }
        boolean evidenceCommitted = QuarkusTransaction.requiringNew().call(() ->
                EvidenceRecord.count("id = ?1 and commentId = ?2", f.evidenceId(), f.commentId()) == 1);
        if (!evidenceCommitted) {
            refused(f, channel, "Not hidden automatically: its evidence record is not stored.");
            return false;
        }
        try {
            connector.setHidden(f.platformCommentId(), true);
        } catch (ChannelException e) {
            LOG.infof("Auto-hide of comment %d refused by the platform: %s", f.commentId(), e.kind());
            refused(f, channel, "The platform refused to hide it (" + e.kind().name().toLowerCase().replace('_', ' ')
                    + "): " + e.getMessage());
            return false;
        }
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            ScannedComment c = ScannedComment.findById(f.commentId());
            c.hidden = true;
            c.autoHiddenAt = now;
            c.hideProblem = null;
            events.fire(new ModerationEvents.CommentAutoHidden(c.schoolId, c.id, c.channelId, c.platformCommentId,
                    f.evidenceId()));
        });
        return true;
    }

    private void refused(ScanWriter.Flagged f, Channel channel, String problem) {
        String text = problem.length() > 1000 ? problem.substring(0, 997) + "…" : problem;
        QuarkusTransaction.requiringNew().run(() -> {
            ScannedComment c = ScannedComment.findById(f.commentId());
            c.hideProblem = text;
            events.fire(new ModerationEvents.CommentAutoHideFailed(c.schoolId, c.id, channel.id, text));
        });
    }
}
