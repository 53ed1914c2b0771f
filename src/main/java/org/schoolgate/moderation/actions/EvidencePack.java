package org.schoolgate.moderation.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.schoolgate.moderation.scan.EvidenceRecord;
import org.schoolgate.web.PdfDocument;

/**
 * The evidence pack (SPEC §2.5, Sandford §2.8.3): the record as a person reads it (the comment, its author as the
 * platform showed them, times, permalink, the post it was on, the verdict), its SHA-256 and whether it still
 * matches, the capture metadata, the chain of custody, and the canonical JSON itself, printed and attached to the
 * PDF as a file so that anyone can recompute the hash from the pack.
 */
final class EvidencePack {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidencePack() {
    }

    static String attachmentName(EvidenceRecord r) {
        return "evidence-record-" + r.id + ".json";
    }

    static byte[] render(EvidenceRecord r, boolean intact, List<EvidenceCustody> custody, String school, String channel,
                         String exportedBy, Instant now) {
        JsonNode j;
        try {
            j = JSON.readTree(r.recordJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode c = j.path("comment");
        JsonNode p = j.path("post");
        JsonNode v = j.path("verdict");
        try (PdfDocument pdf = new PdfDocument("Evidence pack: comment " + r.commentId,
                school + " · evidence record " + r.id + " · sha256 " + r.sha256.substring(0, 16) + "…")) {
            pdf.title("Evidence pack").paragraph(school + " · " + channel)
                    .paragraph("Exported " + now + " (UTC) by " + exportedBy + ". Keep this record: do not edit it.");
            pdf.heading("The comment")
                    .field("Text", text(c, "text"))
                    .field("Author (as shown)", text(c.path("author"), "name") + " · platform id " + text(c.path("author"), "id"))
                    .field("Written (UTC)", text(c, "createdAt"))
                    .field("Where", text(c, "permalink"))
                    .field("Platform comment id", text(c, "id"))
                    .field("Reply to", text(c, "parentId"))
                    .field("Hidden when read", text(c, "hiddenWhenRead"))
                    .field("Read by the scan (UTC)", text(c, "readAt"));
            pdf.heading("The post it was left on")
                    .field("Text", text(p, "text"))
                    .field("Posted (UTC)", text(p, "createdAt"))
                    .field("Where", text(p, "permalink"))
                    .field("Platform post id", text(p, "id"))
                    .field("Channel", text(j.path("channel"), "name") + " (" + text(j.path("channel"), "platform") + " "
                            + text(j.path("channel"), "accountId") + ")");
            pdf.heading("Why it was flagged")
                    .field("Categories", v.path("categories").toString())
                    .field("Severity", text(v, "severity"))
                    .field("Abuse score", text(v, "abusive"))
                    .field("Reason", text(v, "why"))
                    .field("Model", text(v, "modelVersion"));
            pdf.heading("Capture and integrity")
                    .field("Captured (UTC)", r.capturedAt.toString())
                    .field("Captured by", r.capturedBy)
                    .field("Record format", text(j, "schema"))
                    .field("SHA-256", r.sha256)
                    .field("Check", intact ? "the SHA-256 of the record below matches: it has not changed since capture"
                            : "THE RECORD DOES NOT MATCH ITS SHA-256: it was changed after capture")
                    .paragraph("The record below is attached to this PDF as " + attachmentName(r)
                            + " (UTF-8); its SHA-256 is the one above.");
            pdf.heading("Chain of custody");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(r.capturedAt.toString(), "captured", r.capturedBy, "evidence record " + r.id));
            for (EvidenceCustody e : custody) {
                rows.add(List.of(e.occurredAt.toString(), e.action.name().toLowerCase(), e.actor,
                        e.detail == null ? "" : e.detail));
            }
            pdf.table(List.of("When (UTC)", "What", "Who", "How"), new float[] {3, 1.4f, 3, 2.6f}, rows);
            pdf.heading("The record as captured (canonical JSON)").monospace(r.recordJson);
            pdf.attach(attachmentName(r), "Evidence record " + r.id + ", SHA-256 " + r.sha256, r.recordJson);
            return pdf.toBytes();
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? "—" : v.asText();
    }
}
