package org.schoolgate.moderation.actions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.channels.Channel;
import org.schoolgate.moderation.scan.EvidenceRecord;
import org.schoolgate.moderation.scan.EvidenceService;
import org.schoolgate.staff.School;

/**
 * Reading evidence: every view and export is written to the record's chain of custody (and the audit log)
 * in the same transaction that reads it, so there is no way to see evidence without leaving a trace.
 * Only the headteacher and the DSL reach these methods (the resources say so).
 */
@ApplicationScoped
public class EvidenceAccess {

    public record Viewed(EvidenceRecord record, boolean intact, List<EvidenceCustody> custody) {
    }

    @Inject
    EvidenceService evidence;

    @Inject
    CommentActions comments;

    @Inject
    Clock clock;

    @Inject
    Event<AuditableEvent> events;

    @Transactional
    public Viewed view(long schoolId, long commentId, String by, String how) {
        EvidenceRecord r = record(schoolId, commentId);
        log(r, EvidenceCustody.Action.VIEWED, by, how);
        events.fire(new CommentActionEvents.EvidenceViewed(schoolId, commentId, r.id, how));
        return new Viewed(r, evidence.verify(r), custody(r));
    }

    /** The evidence pack; the export is in its own chain of custody. */
    @Transactional
    public byte[] exportPdf(long schoolId, long commentId, String by) {
        EvidenceRecord r = record(schoolId, commentId);
        log(r, EvidenceCustody.Action.EXPORTED, by, "PDF evidence pack");
        events.fire(new CommentActionEvents.EvidenceExported(schoolId, commentId, r.id, r.sha256));
        School school = School.findById(schoolId);
        Channel channel = Channel.findById(r.channelId);
        return EvidencePack.render(r, evidence.verify(r), custody(r), school.name, channel == null ? "" : channel.name,
                by, Instant.now(clock));
    }

    private EvidenceRecord record(long schoolId, long commentId) {
        comments.flagged(schoolId, commentId);
        return evidence.forComment(schoolId, commentId)
                .orElseThrow(() -> new NotFoundException("No evidence has been captured for this comment yet"));
    }

    private void log(EvidenceRecord r, EvidenceCustody.Action action, String by, String how) {
        EvidenceCustody c = new EvidenceCustody();
        c.schoolId = r.schoolId;
        c.evidenceId = r.id;
        c.commentId = r.commentId;
        c.action = action;
        c.actor = by;
        c.occurredAt = Instant.now(clock);
        c.detail = how;
        c.persist();
        EvidenceCustody.getEntityManager().flush();
    }

    private static List<EvidenceCustody> custody(EvidenceRecord r) {
        return EvidenceCustody.list("evidenceId = ?1 order by occurredAt, id", r.id);
    }
}
