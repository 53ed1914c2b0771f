package org.schoolgate.report;

import java.time.Instant;
import java.util.List;
import org.schoolgate.web.PdfDocument;

/** The governors' report as a PDF: the same figures and bar charts as the page. */
final class ReportPdf {

    private ReportPdf() {
    }

    static byte[] render(GovernorsReport r, Instant now) {
        try (PdfDocument pdf = new PdfDocument("Governors' report " + r.first() + " to " + r.last(),
                r.schoolName() + " · governors' report " + r.first() + " to " + r.last())) {
            pdf.title("Governors' report: social media").paragraph(r.schoolName() + " · " + r.first() + " to " + r.last()
                    + " (both days included) · produced " + now.toString().substring(0, 16).replace('T', ' ') + " UTC");
            pdf.heading("Posts");
            pdf.field("Published", Long.toString(r.posts().published()))
                    .field("Blocked by consent", Long.toString(r.posts().blockedByConsent()))
                    .field("Median to sign-off", r.medianToSignOff().orElse("none signed off"))
                    .field("Median to approval", r.medianToApproval().orElse("none approved"));
            pdf.heading("Comments")
                    .field("Scanned", Long.toString(r.commentsScanned()))
                    .field("Flagged", r.commentsFlagged() + " (" + r.flaggedShare() + ")");
            pdf.heading("Flagged comments by category").bars(r.flaggedByCategory());
            pdf.heading("Review queue")
                    .field("Items answered", Long.toString(r.itemsAnswered()))
                    .field("Items still waiting", Long.toString(r.itemsWaiting()))
                    .field("Median response time", r.medianResponseText());
            pdf.heading("Items raised by kind").bars(r.itemsByKind());
            pdf.heading("Actions taken (" + r.actionsTotal() + ")").bars(r.actionsByType());
            pdf.heading("Escalations").table(List.of("To", "Count"), new float[] {4, 1},
                    r.escalationsByTarget().entrySet().stream().map(e -> List.of(e.getKey(), Long.toString(e.getValue()))).toList());
            pdf.space(10).paragraph("The report holds figures only: no comment, name or pupil. Terms: autumn 1 Sep-31 Dec, "
                    + "spring 1 Jan-31 Mar, summer 1 Apr-31 Aug.");
            return pdf.toBytes();
        }
    }
}
