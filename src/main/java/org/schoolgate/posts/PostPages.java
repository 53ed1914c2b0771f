package org.schoolgate.posts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
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
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.schoolgate.channels.Channel;
import org.schoolgate.consent.Pupil;
import org.schoolgate.consent.PupilService;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.Flash;

/**
 * The posts pages (phone-first): my posts, new and edit draft (pictures, tags, roster search), the post with
 * its whole history and the actions the reader may take, the sign-off inbox and the approval queue.
 */
@Path("/posts")
@Produces(MediaType.TEXT_HTML)
public class PostPages {

    /** A tagged pupil on a picture, with what the checks say about them. */
    public record TagRow(long pupilId, String name, boolean ok, String words) {
    }

    public record ImageRow(PostImage image, List<TagRow> tags) {
    }

    public record ChannelRow(Channel channel, boolean selected) {
    }

    public record TargetRow(PostTarget target, String channel) {
    }

    public record HistoryRow(PostEvent event, String when) {
    }

    public record QueueRow(Post post, String goesOut, String submitted) {
    }

    /** What the reader may do on the post's page; the reasons say why a button is missing. */
    public record Actions(boolean edit, boolean submit, boolean signOff, String signOffRefusal, boolean approve,
                          boolean reject, boolean takeDown, boolean retry) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<QueueRow> posts, boolean mine, boolean canWrite, int offset,
                                            boolean more);

        static native TemplateInstance create(List<Channel> channels);

        static native TemplateInstance edit(Post post, List<ImageRow> images, List<ChannelRow> channels,
                                            String schedule, CheckReport report, String q, List<Pupil> results,
                                            int maxMegabytes);

        static native TemplateInstance detail(Post post, List<ImageRow> images, List<TargetRow> targets,
                                              CheckReport report, List<HistoryRow> history, Actions actions,
                                              String scheduled, String shortHash);

        static native TemplateInstance inbox(List<QueueRow> posts);

        static native TemplateInstance queue(List<QueueRow> posts, long total, int page, int pages);
    }

    @Inject
    CurrentUser me;

    @Inject
    PostService posts;

    @Inject
    PostQueries queries;

    @Inject
    TakeDownService takeDowns;

    @Inject
    PupilService pupils;

    @Inject
    PostsConfig config;

    // ---- lists ----

    @GET
    @RolesAllowed({Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("all") boolean all, @QueryParam("offset") @DefaultValue("0") int offset) {
        boolean mine = me.hasRole(Role.OFFICE_ROLE) && !all;
        int from = Math.max(0, offset);
        int size = config.pageSize();
        List<Post> found = mine ? queries.mine(me.schoolId(), me.userId(), from, size + 1)
                : queries.all(me.schoolId(), from, size + 1);
        boolean more = found.size() > size;
        return Templates.list(rows(more ? found.subList(0, size) : found), mine, me.hasRole(Role.OFFICE_ROLE), from,
                more);
    }

    @GET
    @Path("/sign-off")
    @RolesAllowed({Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(hidden = true)
    public TemplateInstance inbox() {
        return Templates.inbox(rows(queries.signOffInbox(me.schoolId(), me.userId())));
    }

    @GET
    @Path("/approval")
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("page") @DefaultValue("1") int page) {
        long school = me.schoolId();
        int size = config.pageSize();
        long total = queries.count(school, PostStatus.AWAITING_APPROVAL);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.max(1, Math.min(page, pages));
        return Templates.queue(rows(queries.approvalQueue(school, (current - 1) * size, size)), total, current, pages);
    }

    // ---- drafting ----

    @GET
    @Path("/new")
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public TemplateInstance create() {
        return Templates.create(queries.publishable(me.schoolId()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response create(@FormParam("caption") String caption, @FormParam("channel") List<Long> channels,
                           @FormParam("scheduledAt") String scheduledAt) {
        return Flash.attempt("/posts/new", () -> {
            Post p = posts.create(me.schoolId(), Who.of(me), new PostService.Draft(caption, channels,
                    PostTimes.fromInput(scheduledAt)));
            return Flash.redirect("/posts/" + p.id + "/edit", "Draft saved. Add the pictures and tag who is on them.");
        });
    }

    @GET
    @Path("/{id: \\d+}/edit")
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    @Transactional
    public Response edit(@PathParam("id") long id, @QueryParam("q") String q) {
        Post p = posts.get(me.schoolId(), id);
        Decision may = ApprovalRules.mayEdit(p.facts(), Who.of(me).actor());
        if (!may.allowed()) {
            return Flash.redirectWithError("/posts/" + id, may.reason());
        }
        CheckReport report = posts.checkNow(me.schoolId(), id);
        Set<Long> selected = posts.targets(id).stream().map(t -> t.channelId).collect(Collectors.toSet());
        List<ChannelRow> channels = new ArrayList<>();
        for (Channel c : queries.publishable(me.schoolId())) {
            channels.add(new ChannelRow(c, selected.contains(c.id)));
        }
        List<Pupil> results = q == null || q.isBlank() ? List.of()
                : pupils.search(me.schoolId(), new PupilService.Search(q.length() > 100 ? q.substring(0, 100) : q,
                null, false), 0, 20);
        return Response.ok(Templates.edit(p, imageRows(id, report), channels, PostTimes.inputValue(p.scheduledAt),
                report, q == null ? "" : q, results, (int) (config.maxImageBytes() / (1024 * 1024)))).build();
    }

    @POST
    @Path("/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @FormParam("caption") String caption,
                           @FormParam("channel") List<Long> channels, @FormParam("scheduledAt") String scheduledAt) {
        return Flash.attempt("/posts/" + id + "/edit", () -> {
            Post p = posts.update(me.schoolId(), id, Who.of(me), new PostService.Draft(caption, channels,
                    PostTimes.fromInput(scheduledAt)));
            return Flash.redirect("/posts/" + id + "/edit", savedMessage(p));
        });
    }

    @POST
    @Path("/{id: \\d+}/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response upload(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        return Flash.attempt("/posts/" + id + "/edit", () -> {
            if (file == null || file.size() == 0) {
                throw new BadRequestException("Choose a picture to upload");
            }
            if (file.size() > config.maxImageBytes()) {
                throw new BadRequestException("The picture is too large: pictures up to "
                        + config.maxImageBytes() / (1024 * 1024) + " MB are accepted");
            }
            PostImage i = posts.addImage(me.schoolId(), id, Who.of(me), read(file));
            return Flash.redirect("/posts/" + id + "/edit#picture-" + i.position, "Picture " + i.position
                    + " added (location and camera details removed). Now tag who is on it.");
        });
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new BadRequestException("The upload could not be read; try again.");
        }
    }

    @POST
    @Path("/{id: \\d+}/images/{imageId: \\d+}/tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response tag(@PathParam("id") long id, @PathParam("imageId") long imageId,
                        @FormParam("pupil") List<Long> pupilIds, @FormParam("none") boolean none) {
        return Flash.attempt("/posts/" + id + "/edit", () -> {
            PostImage i = posts.tag(me.schoolId(), id, imageId, Who.of(me), pupilIds, none);
            return Flash.redirect("/posts/" + id + "/edit#picture-" + i.position, "Picture " + i.position + " saved.");
        });
    }

    @POST
    @Path("/{id: \\d+}/images/{imageId: \\d+}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response removeImage(@PathParam("id") long id, @PathParam("imageId") long imageId) {
        return Flash.attempt("/posts/" + id + "/edit", () -> {
            posts.removeImage(me.schoolId(), id, imageId, Who.of(me));
            return Flash.redirect("/posts/" + id + "/edit", "Picture removed.");
        });
    }

    @GET
    @Path("/{id: \\d+}/images/{imageId: \\d+}")
    @Produces({"image/jpeg", "image/png", MediaType.TEXT_HTML})
    @RolesAllowed("**")
    @Operation(hidden = true)
    public Response image(@PathParam("id") long id, @PathParam("imageId") long imageId) {
        return PostResource.imageResponse(posts, me.schoolId(), id, imageId);
    }

    // ---- the workflow ----

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance detail(@PathParam("id") long id) {
        Post p = posts.get(me.schoolId(), id);
        CheckReport report = posts.checkNow(me.schoolId(), id);
        Map<Long, Channel> channels = queries.channels(p.schoolId);
        List<TargetRow> targets = posts.targets(id).stream()
                .map(t -> new TargetRow(t, channels.containsKey(t.channelId) ? channels.get(t.channelId).name
                        : "channel " + t.channelId)).toList();
        List<HistoryRow> history = posts.history(id).stream().map(e -> new HistoryRow(e, PostTimes.time(e.at))).toList();
        Who who = Who.of(me);
        ApprovalRules.Actor a = who.actor();
        Decision signOff = ApprovalRules.maySignOff(p.facts(), a, p.contentHash);
        boolean live = targets.stream().anyMatch(t -> t.target().status == PostTarget.Status.PUBLISHED);
        Actions actions = new Actions(ApprovalRules.mayEdit(p.facts(), a).allowed(),
                ApprovalRules.maySubmit(p.facts(), a).allowed() && who.roles().contains(Role.OFFICE_ROLE),
                signOff.allowed(),
                p.status == PostStatus.AWAITING_SIGN_OFF && !signOff.allowed() && a.roles().stream()
                        .anyMatch(ApprovalRules.SIGN_OFF_ROLES::contains) ? signOff.reason() : null,
                ApprovalRules.mayApprove(p.facts(), a).allowed(),
                ApprovalRules.mayReject(p.facts(), a).allowed(),
                ApprovalRules.mayTakeDown(a, live).allowed(),
                ApprovalRules.mayRetryPublishing(p.facts(), a).allowed());
        return Templates.detail(p, imageRows(id, report), targets, report, history, actions,
                p.scheduledAt == null ? "as soon as it is approved" : PostTimes.time(p.scheduledAt),
                PostService.shortHash(p.contentHash));
    }

    @POST
    @Path("/{id: \\d+}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response submit(@PathParam("id") long id) {
        return Flash.attempt("/posts/" + id + "/edit", "Not submitted: ", () -> {
            posts.submit(me.schoolId(), id, Who.of(me));
            return Flash.redirect("/posts/" + id, "Submitted. A colleague will read it and sign it off.");
        });
    }

    @POST
    @Path("/{id: \\d+}/sign-off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(hidden = true)
    public Response signOff(@PathParam("id") long id, @FormParam("contentHash") String contentHash) {
        return Flash.attempt("/posts/" + id, "Not signed off: ", () -> {
            posts.signOff(me.schoolId(), id, Who.of(me), contentHash);
            return Flash.redirect("/posts/" + id, "Signed off. It now waits for the headteacher's approval.");
        });
    }

    @POST
    @Path("/{id: \\d+}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(hidden = true)
    public Response approve(@PathParam("id") long id, @FormParam("version") Long version) {
        try {
            return Flash.attempt("/posts/" + id, "Not approved: ", () -> {
                Post p = posts.approve(me.schoolId(), id, Who.of(me), version);
                return Flash.redirect("/posts/" + id, "Approved. It goes out " + (p.scheduledAt == null
                        ? "within a minute." : "at " + PostTimes.time(p.scheduledAt) + "."));
            });
        } catch (jakarta.persistence.OptimisticLockException e) {
            return Flash.redirectWithError("/posts/" + id, "Not approved: " + actedFirst(id));
        }
    }

    @POST
    @Path("/{id: \\d+}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(hidden = true)
    public Response reject(@PathParam("id") long id, @FormParam("reason") String reason,
                           @FormParam("version") Long version) {
        try {
            return Flash.attempt("/posts/" + id, "Not rejected: ", () -> {
                posts.reject(me.schoolId(), id, Who.of(me), reason, version);
                return Flash.redirect("/posts/approval", "Sent back to the author with your reason.");
            });
        } catch (jakarta.persistence.OptimisticLockException e) {
            return Flash.redirectWithError("/posts/" + id, "Not rejected: " + actedFirst(id));
        }
    }

    @POST
    @Path("/{id: \\d+}/take-down")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(hidden = true)
    public Response takeDown(@PathParam("id") long id, @FormParam("reason") String reason) {
        return Flash.attempt("/posts/" + id, () -> {
            TakeDownService.Result r = takeDowns.takeDown(me.schoolId(), id, Who.of(me), reason);
            if (!r.failures().isEmpty()) {
                return Flash.redirectWithError("/posts/" + id, "Taken down from " + String.join(", ", r.removed())
                        + "; still up: " + String.join("; ", r.failures()));
            }
            return Flash.redirect("/posts/" + id, "Taken down from " + String.join(", ", r.removed())
                    + ". Schoolgate keeps the record.");
        });
    }

    @POST
    @Path("/{id: \\d+}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(hidden = true)
    public Response retry(@PathParam("id") long id) {
        return Flash.attempt("/posts/" + id, () -> {
            posts.retryPublishing(me.schoolId(), id, Who.of(me));
            return Flash.redirect("/posts/" + id, "Publishing restarted; the checks run again first.");
        });
    }

    // ---- helpers ----

    private String actedFirst(long id) {
        return posts.whoActedFirst(me.schoolId(), id);
    }

    private List<ImageRow> imageRows(long postId, CheckReport report) {
        Map<Long, CheckReport.PupilStatus> status = new HashMap<>();
        report.pupils().forEach(s -> status.put(s.pupilId(), s));
        List<PostImage> images = posts.images(postId);
        Set<Long> ids = images.stream().flatMap(i -> i.pupilIds.stream()).collect(Collectors.toSet());
        Map<Long, Pupil> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            Pupil.<Pupil>list("id in ?1", ids).forEach(p -> byId.put(p.id, p));
        }
        List<ImageRow> rows = new ArrayList<>();
        for (PostImage i : images) {
            List<TagRow> tags = new ArrayList<>();
            for (long pid : i.pupilIds) {
                CheckReport.PupilStatus s = status.get(pid);
                Pupil pupil = byId.get(pid);
                String name = pupil == null ? "Pupil " + pid : pupil.displayName();
                String words = s == null ? "" : s.ok() ? s.names() : String.join("; ", s.problems());
                tags.add(new TagRow(pid, name, s == null || s.ok(), words));
            }
            rows.add(new ImageRow(i, tags));
        }
        return rows;
    }

    private static List<QueueRow> rows(List<Post> posts) {
        return posts.stream().map(p -> new QueueRow(p, p.scheduledAt == null ? "As soon as approved"
                : PostTimes.time(p.scheduledAt), PostTimes.time(p.submittedAt))).toList();
    }

    private static String savedMessage(Post p) {
        return switch (p.status) {
            case AWAITING_SIGN_OFF -> "Saved. The post needs a colleague's sign-off (again).";
            case DRAFT -> "Saved.";
            default -> "Saved; the post is " + p.statusWords() + ".";
        };
    }
}
