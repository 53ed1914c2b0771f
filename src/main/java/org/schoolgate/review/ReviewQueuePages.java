package org.schoolgate.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
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
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hibernate.StaleObjectStateException;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.Flash;

/**
 * The headteacher's and DSL's queue: most severe first, then oldest; filters by kind and channel. An item's page
 * shows the subject (a feature's panel, e.g. the comment in context with its actions), the generic actions
 * (escalate, note, dismiss, close) and the item's history.
 */
@Path("/review")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
public class ReviewQueuePages {

    private static final int PAGE = 50;

    /** A queue row: the item, how long it has waited, its channel's name. */
    public record Row(ReviewItem item, String age, String channel) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<Row> rows, ReviewKind[] kinds, ReviewKind kind, ReviewStatus status,
                                             Long channel, Map<Long, String> channels, int offset, int page,
                                             boolean more);

        static native TemplateInstance item(ReviewItem item, String age, String channel, Optional<SubjectLink.Link> link,
                                            List<String> panels, List<ReviewAction> history,
                                            List<Escalation> escalations, EscalationTarget[] targets);

        static native TemplateInstance escalations(List<Escalation> escalations, EscalationTarget[] targets,
                                                   EscalationTarget target);
    }

    @Inject
    ReviewService review;

    @Inject
    CurrentUser me;

    @Inject
    Clock clock;

    @Inject
    Instance<SubjectLink> links;

    @Inject
    Instance<SubjectPanel> panels;

    @Inject
    Instance<ChannelNames> channelNames;

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("kind") ReviewKind kind, @QueryParam("channel") Long channel,
                                  @QueryParam("status") @DefaultValue("OPEN") ReviewStatus status,
                                  @QueryParam("offset") @DefaultValue("0") int offset) {
        int from = Math.max(0, offset);
        List<ReviewItem> items = review.queue(me.schoolId(), new ReviewService.Filter(kind, channel, status), from, PAGE + 1);
        boolean more = items.size() > PAGE;
        Map<Long, String> names = channels();
        Instant now = Instant.now(clock);
        List<Row> rows = (more ? items.subList(0, PAGE) : items).stream()
                .map(i -> new Row(i, Ages.between(i.createdAt, now), i.channelId == null ? "" : names.getOrDefault(i.channelId, "")))
                .toList();
        return Templates.queue(rows, ReviewKind.values(), kind, status, channel, names, from, PAGE, more);
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance item(@PathParam("id") long id) {
        ReviewItem item = review.get(me.schoolId(), id);
        Optional<SubjectLink.Link> link = links.stream().map(l -> l.link(item)).flatMap(Optional::stream).findFirst();
        List<String> html = panels.stream().map(p -> p.panel(item)).flatMap(Optional::stream).toList();
        String channel = item.channelId == null ? null : channels().get(item.channelId);
        return Templates.item(item, Ages.between(item.createdAt, Instant.now(clock)), channel, link, html,
                review.history(me.schoolId(), id), review.escalationsOf(me.schoolId(), id), EscalationTarget.values());
    }

    @GET
    @Path("/escalations")
    @Operation(hidden = true)
    public TemplateInstance escalations(@QueryParam("target") EscalationTarget target) {
        return Templates.escalations(review.escalations(me.schoolId(), target, 0, 200), EscalationTarget.values(), target);
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resolve(@PathParam("id") long id, @FormParam("version") long version,
                            @FormParam("resolution") String resolution, @FormParam("note") String note) {
        String how = resolution == null || resolution.isBlank() ? "resolved" : resolution.trim();
        return act(id, "/review", () -> {
            review.resolve(me.schoolId(), id, version, me.email(), how, note);
            return "Item marked " + how + ".";
        });
    }

    @POST
    @Path("/{id}/escalate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response escalate(@PathParam("id") long id, @FormParam("version") long version,
                             @FormParam("target") EscalationTarget target, @FormParam("reason") String reason,
                             @FormParam("reference") String reference) {
        if (target == null) {
            return Flash.redirectWithError("/review/" + id, "Choose where to escalate it.");
        }
        return act(id, "/review/" + id, () -> {
            review.escalate(me.schoolId(), id, version, me.email(), target, reason, reference);
            return "Escalated to " + target.to() + ". The record is kept with the item.";
        });
    }

    @POST
    @Path("/{id}/note")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response note(@PathParam("id") long id, @FormParam("note") String note) {
        return act(id, "/review/" + id, () -> {
            review.note(me.schoolId(), id, me.email(), note);
            return "Note added.";
        });
    }

    /**
     * Runs a person's action; a lost race or a refusal comes back to the item's page with the reason.
     * Features' panels use the same shape (see {@link #conflictMessage}).
     */
    private Response act(long id, String done, Supplier<String> action) {
        try {
            return Flash.attempt("/review/" + id, () -> Flash.redirect(done, action.get()));
        } catch (OptimisticLockException | StaleObjectStateException e) {
            return Flash.redirectWithError("/review/" + id, conflictMessage(review, me.schoolId(), id));
        }
    }

    /** What the loser of a race is told: who acted and how. */
    public static String conflictMessage(ReviewService review, long schoolId, long itemId) {
        return AlreadyActed.on(review.get(schoolId, itemId)).getMessage();
    }

    private Map<Long, String> channels() {
        return channelNames.isResolvable() ? channelNames.get().of(me.schoolId()) : new HashMap<>();
    }
}
