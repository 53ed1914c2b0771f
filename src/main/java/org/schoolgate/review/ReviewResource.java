package org.schoolgate.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;

@Path("/api/review")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
@Tag(name = "Review queue")
public class ReviewResource {

    public record ItemView(long id, String kind, String severity, String status, String subjectType, String subjectId,
                           Long channelId, String summary, String detail, Instant createdAt, String resolvedBy,
                           Instant resolvedAt, String resolution, String resolutionNote, String lastAction,
                           String lastActionBy, Instant lastActionAt, long version) {
        static ItemView of(ReviewItem i) {
            return new ItemView(i.id, i.kind.name(), i.severity.id(), i.status.name(), i.subjectType, i.subjectId,
                    i.channelId, i.summary, i.detail, i.createdAt, i.resolvedBy, i.resolvedAt, i.resolution,
                    i.resolutionNote, i.lastAction, i.lastActionBy, i.lastActionAt, i.version);
        }
    }

    public record ActionView(String type, String actor, Instant occurredAt, String detail) {
        static ActionView of(ReviewAction a) {
            return new ActionView(a.type.id(), a.actor, a.occurredAt, a.detail);
        }
    }

    public record EscalationView(long id, long itemId, String target, String reason, String reference,
                                 String escalatedBy, Instant escalatedAt) {
        static EscalationView of(Escalation e) {
            return new EscalationView(e.id, e.itemId, e.target.name(), e.reason, e.reference, e.escalatedBy,
                    e.escalatedAt);
        }
    }

    public record NewEscalation(@NotNull(message = "Say where: DSL, POLICE, LADO or COMPLAINTS") EscalationTarget target,
                                @NotBlank(message = "Say why you are escalating it") @Size(max = 2000) String reason,
                                @Size(max = 120) String reference,
                                @NotNull(message = "Send the version you saw") Long version) {
    }

    public record Note(@NotBlank(message = "Write the note") @Size(max = 2000) String note) {
    }

    public record Dismissal(@Size(max = 2000) String note, @NotNull(message = "Send the version you saw") Long version) {
    }

    public record Resolution(@NotBlank(message = "Say how the item was resolved") @Size(max = 60) String resolution,
                             @Size(max = 2000) String note,
                             @NotNull(message = "Send the version you saw") Long version) {
    }

    @Inject
    ReviewService review;

    @Inject
    CurrentUser me;

    @GET
    @Operation(summary = "The queue: highest severity first, then oldest")
    public List<ItemView> queue(@QueryParam("kind") ReviewKind kind, @QueryParam("channel") Long channel,
                                @QueryParam("status") @DefaultValue("OPEN") ReviewStatus status,
                                @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return review.queue(me.schoolId(), new ReviewService.Filter(kind, channel, status), offset, limit)
                .stream().map(ItemView::of).toList();
    }

    @GET
    @Path("/escalations")
    @Operation(summary = "The school's escalations, newest first")
    public List<EscalationView> escalations(@QueryParam("target") EscalationTarget target,
                                            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return review.escalations(me.schoolId(), target, offset, limit).stream().map(EscalationView::of).toList();
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every action on the item, oldest first")
    public List<ActionView> history(@PathParam("id") long id) {
        review.get(me.schoolId(), id);
        return review.history(me.schoolId(), id).stream().map(ActionView::of).toList();
    }

    @POST
    @Path("/{id}/escalate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Escalate to the DSL, the police, the LADO or the complaints procedure; 409 when someone else acted first")
    public EscalationView escalate(@PathParam("id") long id, @Valid @NotNull NewEscalation body) {
        return EscalationView.of(review.escalate(me.schoolId(), id, body.version(), me.email(), body.target(),
                body.reason(), body.reference()));
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note to the item's record")
    public ActionView note(@PathParam("id") long id, @Valid @NotNull Note body) {
        return ActionView.of(review.note(me.schoolId(), id, me.email(), body.note()));
    }

    @POST
    @Path("/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dismiss a false positive (kept as a label for retraining); 409 when someone else acted first")
    public ItemView dismiss(@PathParam("id") long id, @Valid @NotNull Dismissal body) {
        return ItemView.of(review.dismiss(me.schoolId(), id, body.version(), me.email(), body.note()));
    }

    @GET
    @Path("/{id}")
    public ItemView get(@PathParam("id") long id) {
        return ItemView.of(review.get(me.schoolId(), id));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close an item; 409 when someone else acted on it first")
    public ItemView resolve(@PathParam("id") long id, @Valid @NotNull Resolution body) {
        return ItemView.of(review.resolve(me.schoolId(), id, body.version(), me.email(), body.resolution(), body.note()));
    }
}
