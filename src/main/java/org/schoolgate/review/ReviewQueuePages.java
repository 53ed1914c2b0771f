package org.schoolgate.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.Flash;

/** The headteacher's and DSL's queue: most severe first, then oldest; filters by kind and channel. */
@Path("/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
public class ReviewQueuePages {

    private static final int PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<ReviewItem> items, ReviewKind[] kinds, ReviewKind kind,
                                             ReviewStatus status, Long channel, int offset, int page, boolean more);

        static native TemplateInstance item(ReviewItem item);
    }

    @Inject
    ReviewService review;

    @Inject
    CurrentUser me;

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("kind") ReviewKind kind, @QueryParam("channel") Long channel,
                                  @QueryParam("status") @DefaultValue("OPEN") ReviewStatus status,
                                  @QueryParam("offset") @DefaultValue("0") int offset) {
        int from = Math.max(0, offset);
        List<ReviewItem> items = review.queue(me.schoolId(), new ReviewService.Filter(kind, channel, status), from, PAGE + 1);
        boolean more = items.size() > PAGE;
        return Templates.queue(more ? items.subList(0, PAGE) : items, ReviewKind.values(), kind, status, channel, from,
                PAGE, more);
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance item(@PathParam("id") long id) {
        return Templates.item(review.get(me.schoolId(), id));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resolve(@PathParam("id") long id, @FormParam("version") long version,
                            @FormParam("resolution") String resolution, @FormParam("note") String note) {
        String how = resolution == null || resolution.isBlank() ? "resolved" : resolution.trim();
        try {
            review.resolve(me.schoolId(), id, version, me.email(), how, note);
        } catch (OptimisticLockException e) {
            ReviewItem now = review.get(me.schoolId(), id);
            return Flash.redirectWithError("/review/" + id, "Someone else acted on this item first"
                    + (now.resolvedBy == null ? "." : ": " + now.resolvedBy + " marked it " + now.resolution + "."));
        }
        return Flash.redirect("/review", "Item marked " + how + ".");
    }
}
