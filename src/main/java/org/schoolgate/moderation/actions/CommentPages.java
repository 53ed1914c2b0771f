package org.schoolgate.moderation.actions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hibernate.StaleObjectStateException;
import org.schoolgate.moderation.scan.ScannedComment;
import org.schoolgate.review.ReviewQueuePages;
import org.schoolgate.review.ReviewService;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.Flash;

/**
 * A flagged comment's page and its forms (the same panel is shown inside the review item's page): hide, unhide,
 * delete, reply, capture evidence; the evidence record and its PDF pack; the removal letter. Headteacher and DSL
 * only: nobody else sees evidence.
 */
@Path("/comments")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
public class CommentPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance comment(CommentView v, String panel, List<RemovalLetter> letters);

        static native TemplateInstance evidence(ScannedComment comment, EvidenceAccess.Viewed viewed);

        static native TemplateInstance letter(ScannedComment comment, RemovalLetters.Draft draft);

        static native TemplateInstance printable(ScannedComment comment, RemovalLetter letter);
    }

    @Inject
    CommentActions comments;

    @Inject
    EvidenceAccess evidence;

    @Inject
    RemovalLetters letters;

    @Inject
    ReviewService review;

    @Inject
    CurrentUser me;

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance comment(@PathParam("id") long id) {
        CommentView v = comments.view(me.schoolId(), id);
        return Templates.comment(v, CommentPanel.render(v), letters.of(me.schoolId(), id));
    }

    @POST
    @Path("/{id}/hide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response hide(@PathParam("id") long id, @FormParam("version") long version) {
        return act(id, () -> {
            comments.hide(me.schoolId(), id, version, me.email());
            return "The comment is hidden. Its evidence was stored first.";
        });
    }

    @POST
    @Path("/{id}/unhide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response unhide(@PathParam("id") long id, @FormParam("version") long version) {
        return act(id, () -> {
            comments.unhide(me.schoolId(), id, version, me.email());
            return "The comment is visible again.";
        });
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@PathParam("id") long id, @FormParam("version") long version, @FormParam("confirm") String confirm) {
        return act(id, () -> {
            if (!"yes".equals(confirm)) {
                throw new BadRequestException("Tick the box to confirm: a deletion cannot be undone.");
            }
            comments.delete(me.schoolId(), id, version, me.email());
            return "The comment is deleted from the platform. The evidence record is kept.";
        });
    }

    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reply(@PathParam("id") long id, @FormParam("version") long version, @FormParam("text") String text) {
        return act(id, () -> {
            comments.reply(me.schoolId(), id, version, me.email(), text);
            return "Your reply is posted.";
        });
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response capture(@PathParam("id") long id) {
        return act(id, () -> {
            comments.captureEvidence(me.schoolId(), id, me.email());
            return "The evidence is captured.";
        });
    }

    @GET
    @Path("/{id}/evidence")
    @Operation(hidden = true)
    public Response evidence(@PathParam("id") long id) {
        ScannedComment c = comments.flagged(me.schoolId(), id);
        EvidenceAccess.Viewed viewed = evidence.view(me.schoolId(), id, me.email(), "web page");
        return Response.ok(Templates.evidence(c, viewed)).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}/evidence.pdf")
    @Produces("application/pdf")
    @Operation(hidden = true)
    public Response evidencePdf(@PathParam("id") long id) {
        byte[] pdf = evidence.exportPdf(me.schoolId(), id, me.email());
        return Response.ok(pdf, "application/pdf").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"evidence-comment-" + id + ".pdf\"").build();
    }

    @GET
    @Path("/{id}/letter")
    @Operation(hidden = true)
    public TemplateInstance letter(@PathParam("id") long id) {
        return Templates.letter(comments.flagged(me.schoolId(), id), letters.draft(me.schoolId(), id, me.email()));
    }

    @POST
    @Path("/{id}/letter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response writeLetter(@PathParam("id") long id, @FormParam("version") long version,
                                @FormParam("addressee") String addressee, @FormParam("body") String body) {
        return Flash.attempt("/comments/" + id + "/letter", () -> {
            RemovalLetter l = letters.write(me.schoolId(), id, version, me.email(), addressee, body);
            return Flash.redirect("/comments/" + id + "/letters/" + l.id, "The letter is kept with the item. Print it from here.");
        });
    }

    @GET
    @Path("/{id}/letters/{letterId}")
    @Operation(hidden = true)
    public TemplateInstance printable(@PathParam("id") long id, @PathParam("letterId") long letterId) {
        return Templates.printable(comments.flagged(me.schoolId(), id), letters.get(me.schoolId(), id, letterId));
    }

    /** Runs an action and comes back to the review item; a lost race or a refusal says why. */
    private Response act(long id, Supplier<String> action) {
        ScannedComment c = comments.flagged(me.schoolId(), id);
        String back = "/review/" + c.reviewItemId;
        try {
            return Flash.attempt(back, () -> Flash.redirect(back, action.get()));
        } catch (OptimisticLockException | StaleObjectStateException e) {
            return Flash.redirectWithError(back, ReviewQueuePages.conflictMessage(review, me.schoolId(), c.reviewItemId));
        }
    }
}
