package org.schoolgate.moderation.actions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.moderation.scan.EvidenceRecord;
import org.schoolgate.moderation.scan.ScannedComment;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;

/** Flagged comments: the actions on the platform, the evidence, and the school's labels for retraining. */
@Path("/api/comments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
@Tag(name = "Flagged comments")
public class CommentResource {

    public record CommentJson(long id, long channelId, String channel, String platformCommentId, String platformPostId,
                              String parentId, String authorName, String text, Instant createdAt, String permalink,
                              boolean hidden, boolean deleted, List<String> categories, String severity, double abusive,
                              String why, long reviewItemId, long itemVersion, boolean evidenceCaptured,
                              List<Long> earlierFlagged, List<String> suggestedEscalations) {
        static CommentJson of(CommentView v) {
            ScannedComment c = v.comment();
            return new CommentJson(c.id, c.channelId, v.channelName(), c.platformCommentId, c.platformPostId,
                    c.parentPlatformId, c.authorName, c.text, c.createdAt, c.permalink, c.hidden, v.deleted(),
                    c.categoryList().stream().map(x -> x.id()).toList(), c.severity.id(), c.abusive, c.why,
                    v.item().id, v.item().version, v.evidence().isPresent(),
                    v.earlierFlagged().stream().map(e -> e.id).toList(),
                    v.suggestions().stream().map(s -> s.target().name()).toList());
        }
    }

    public record Seen(@NotNull(message = "Send the review item's version you saw") Long version) {
    }

    public record Reply(@NotBlank(message = "Write the reply") @Size(max = 2000) String text,
                        @NotNull(message = "Send the review item's version you saw") Long version) {
    }

    public record Custody(Instant at, String action, String actor, String how) {
    }

    public record LetterJson(Long id, String addressee, String body, String writtenBy, Instant writtenAt, long itemVersion) {
    }

    public record NewLetter(@NotBlank(message = "Say who the letter is to") @Size(max = 300) String addressee,
                            @NotBlank(message = "Write the letter") @Size(max = 20000) String body,
                            @NotNull(message = "Send the review item's version you saw") Long version) {
    }

    public record EvidenceJson(long id, long commentId, String recordJson, String sha256, boolean intact,
                               Instant capturedAt, String capturedBy, List<Custody> custody) {
    }

    @Inject
    CommentActions comments;

    @Inject
    EvidenceAccess evidence;

    @Inject
    LabelExport labels;

    @Inject
    RemovalLetters letters;

    @Inject
    CurrentUser me;

    @GET
    @Path("/{id}/letter-draft")
    @Operation(summary = "A draft letter asking the author to remove the comment, to edit before keeping it")
    public LetterJson letterDraft(@PathParam("id") long id) {
        RemovalLetters.Draft d = letters.draft(me.schoolId(), id, me.email());
        return new LetterJson(null, d.addressee(), d.body(), null, null, d.itemVersion());
    }

    @GET
    @Path("/{id}/letters")
    @Operation(summary = "The letters kept for this comment")
    public List<LetterJson> letters(@PathParam("id") long id) {
        return letters.of(me.schoolId(), id).stream().map(l -> new LetterJson(l.id, l.addressee, l.body, l.writtenBy,
                l.writtenAt, 0)).toList();
    }

    @POST
    @Path("/{id}/letters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keep a letter as written (recorded on the item); 409 when someone else acted first")
    public LetterJson writeLetter(@PathParam("id") long id, @Valid @NotNull NewLetter body) {
        RemovalLetter l = letters.write(me.schoolId(), id, body.version(), me.email(), body.addressee(), body.body());
        return new LetterJson(l.id, l.addressee, l.body, l.writtenBy, l.writtenAt, body.version() + 1);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A flagged comment in its context")
    public CommentJson get(@PathParam("id") long id) {
        return CommentJson.of(comments.view(me.schoolId(), id));
    }

    @POST
    @Path("/{id}/hide")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hide on the platform (evidence is captured first); 409 when someone else acted first, 502 when the platform refused")
    public CommentJson hide(@PathParam("id") long id, @Valid @NotNull Seen body) {
        comments.hide(me.schoolId(), id, body.version(), me.email());
        return get(id);
    }

    @POST
    @Path("/{id}/unhide")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a hidden comment visible again")
    public CommentJson unhide(@PathParam("id") long id, @Valid @NotNull Seen body) {
        comments.unhide(me.schoolId(), id, body.version(), me.email());
        return get(id);
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete from the platform; refused (400) until the evidence is captured")
    public CommentJson delete(@PathParam("id") long id, @Valid @NotNull Seen body) {
        comments.delete(me.schoolId(), id, body.version(), me.email());
        return get(id);
    }

    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "An official reply as the school's account (audited with its words)")
    public CommentJson reply(@PathParam("id") long id, @Valid @NotNull Reply body) {
        comments.reply(me.schoolId(), id, body.version(), me.email(), body.text());
        return get(id);
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture the evidence now (idempotent)")
    public Response capture(@PathParam("id") long id) {
        EvidenceRecord r = comments.captureEvidence(me.schoolId(), id, me.email());
        return Response.ok(java.util.Map.of("id", r.id, "sha256", r.sha256, "capturedAt", r.capturedAt.toString(),
                "capturedBy", r.capturedBy)).build();
    }

    @GET
    @Path("/{id}/evidence")
    @Operation(summary = "The evidence record with its hash check and chain of custody; the view is recorded")
    public EvidenceJson evidence(@PathParam("id") long id) {
        EvidenceAccess.Viewed v = evidence.view(me.schoolId(), id, me.email(), "API");
        EvidenceRecord r = v.record();
        return new EvidenceJson(r.id, r.commentId, r.recordJson, r.sha256, v.intact(), r.capturedAt, r.capturedBy,
                v.custody().stream().map(c -> new Custody(c.occurredAt, c.action.name().toLowerCase(), c.actor, c.detail))
                        .toList());
    }

    @GET
    @Path("/{id}/evidence.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The evidence pack as a PDF; the export is recorded")
    public Response evidencePdf(@PathParam("id") long id) {
        return Response.ok(evidence.exportPdf(me.schoolId(), id, me.email()), "application/pdf")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"evidence-comment-" + id + ".pdf\"").build();
    }

    @GET
    @Path("/labels.tsv")
    @Produces("text/tab-separated-values")
    @Operation(summary = "The school's review decisions as training data (label, text, origin), for the retraining command")
    public Response labels() {
        return Response.ok(labels.tsv(me.schoolId()), "text/tab-separated-values; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"schoolgate-labels.tsv\"").build();
    }
}
