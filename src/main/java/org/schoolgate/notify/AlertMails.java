package org.schoolgate.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import org.schoolgate.channels.Channel;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.scan.ModerationEvents.CommentFlagged;
import org.schoolgate.moderation.scan.ScannedComment;
import org.schoolgate.review.EscalationTarget;
import org.schoolgate.review.ReviewEvents.ReviewItemEscalated;
import org.schoolgate.review.Severity;
import org.schoolgate.staff.School;

/**
 * Immediate e-mails. A flagged threat, or anything critical, is queued for every headteacher and DSL of the
 * school in the transaction that flagged it (so the alert exists exactly when the flag does), and sent as soon
 * as that transaction has committed. An escalation to the DSL is e-mailed to the school's DSLs the same way.
 */
@ApplicationScoped
public class AlertMails {

    @Inject
    Outbox outbox;

    @Inject
    Recipients recipients;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Inject
    MailSending sending;

    public static boolean alerts(CommentFlagged e) {
        return e.isThreat() || e.severity() == Severity.CRITICAL;
    }

    @Transactional
    void queueAlert(@Observes CommentFlagged e) {
        if (!alerts(e) || e.reviewItemId() == null) {
            return;
        }
        ScannedComment c = ScannedComment.findById(e.commentId());
        Channel channel = c == null ? null : Channel.findById(c.channelId);
        School school = School.findById(e.schoolId());
        String categories = e.categories().stream().map(n -> Category.valueOf(n).id()).collect(Collectors.joining(", "));
        Mails.Alert a = new Mails.Alert(school.name, channel == null ? "a channel" : channel.name, categories,
                e.severity().id(), c == null || c.why == null ? "" : c.why, UkTime.of(c == null ? null : c.createdAt),
                UkTime.of(Instant.now(clock)), config.baseUrl() + "/review/" + e.reviewItemId(), e.isThreat());
        for (String to : recipients.headsAndDsls(e.schoolId())) {
            outbox.queue(new Outbox.Message(e.schoolId(), MailKind.ALERT, "alert:" + e.reviewItemId() + ":" + to, to,
                    a.subject(), Mails.Templates.alertText(a).render(), Mails.Templates.alertHtml(a).render()));
        }
    }

    void sendAlert(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentFlagged e) {
        if (alerts(e)) {
            sending.soon();
        }
    }

    @Transactional
    void queueEscalation(@Observes ReviewItemEscalated e) {
        if (e.target() != EscalationTarget.DSL) {
            return;
        }
        School school = School.findById(e.schoolId());
        String by = e.escalatedBy();
        Mails.Escalated m = new Mails.Escalated(school.name, by, e.reason(), e.reference(), UkTime.of(Instant.now(clock)),
                config.baseUrl() + "/review/" + e.itemId());
        for (String to : recipients.dsls(e.schoolId())) {
            if (to.toLowerCase(Locale.ROOT).equals(by)) {
                continue;
            }
            outbox.queue(new Outbox.Message(e.schoolId(), MailKind.ESCALATION, "escalation:" + e.escalationId() + ":" + to,
                    to, m.subject(), Mails.Templates.escalatedText(m).render(), Mails.Templates.escalatedHtml(m).render()));
        }
    }

    void sendEscalation(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewItemEscalated e) {
        if (e.target() == EscalationTarget.DSL) {
            sending.soon();
        }
    }
}
