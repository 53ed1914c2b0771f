package org.schoolgate.posts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.channels.Channel;
import org.schoolgate.posts.PostViews.PostSummary;
import org.schoolgate.posts.PostViews.PostView;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;

/** The posts workflow as JSON: everything the pages do. Another school's post answers 404. */
@Path("/api/posts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "Draft → sign-off → approval → publish, checks, take-down")
public class PostResource {

    static final String[] READERS = {Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE};

    @Inject
    CurrentUser me;

    @Inject
    PostService posts;

    @Inject
    PostQueries queries;

    @Inject
    PublishService publishing;

    @Inject
    TakeDownService takeDowns;

    @Inject
    PostsConfig config;

    // ---- lists ----

    @GET
    @RolesAllowed({Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(summary = "Posts of the school, newest change first; mine=true: the caller's own")
    public List<PostSummary> list(@QueryParam("mine") boolean mine, @QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("50") int limit) {
        int from = Math.max(0, offset);
        int size = Math.max(1, Math.min(limit, 200));
        List<Post> found = mine ? queries.mine(me.schoolId(), me.userId(), from, size)
                : queries.all(me.schoolId(), from, size);
        return found.stream().map(PostSummary::of).toList();
    }

    @GET
    @Path("/sign-off-inbox")
    @RolesAllowed({Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(summary = "Posts waiting for a colleague's sign-off, not written by the caller, oldest first")
    public List<PostSummary> signOffInbox() {
        return queries.signOffInbox(me.schoolId(), me.userId()).stream().map(PostSummary::of).toList();
    }

    @GET
    @Path("/approval-queue")
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(summary = "Posts waiting for approval, by the time they go out (scheduled, else signed off); paged")
    public PostViews.Page<PostSummary> approvalQueue(@QueryParam("offset") @DefaultValue("0") int offset,
                                                     @QueryParam("limit") @DefaultValue("50") int limit) {
        int from = Math.max(0, offset);
        int size = Math.max(1, Math.min(limit, 200));
        long school = me.schoolId();
        return new PostViews.Page<>(queries.count(school, PostStatus.AWAITING_APPROVAL), from, size,
                queries.approvalQueue(school, from, size).stream().map(PostSummary::of).toList());
    }

    @GET
    @Path("/channels")
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "The channels a draft may go to: the school's active official channels")
    public List<PostViews.ChannelOption> channels() {
        return queries.publishable(me.schoolId()).stream()
                .map(c -> new PostViews.ChannelOption(c.id, c.name, c.platform.name())).toList();
    }

    // ---- one post ----

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Start a draft (caption, channelIds, scheduledAt); pictures are added separately")
    public Response create(@Valid @NotNull PostViews.PostForm form) {
        Post p = posts.create(me.schoolId(), Who.of(me), form.draft());
        return Response.created(URI.create("/api/posts/" + p.id)).entity(view(p.id)).build();
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(summary = "The post: content, pictures with their tags, channels with their results, sign-off, approval")
    public PostView get(@PathParam("id") long id) {
        return view(id);
    }

    @PUT
    @Path("/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Change caption, channels and schedule (the author; voids a sign-off)")
    public PostView update(@PathParam("id") long id, @Valid @NotNull PostViews.PostForm form) {
        posts.update(me.schoolId(), id, Who.of(me), form.draft());
        return view(id);
    }

    @GET
    @Path("/{id: \\d+}/checks")
    @RolesAllowed({Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(summary = "Run the checks now (consent per pupil and channel, names, personal data); changes nothing")
    public CheckReport checks(@PathParam("id") long id) {
        return posts.checkNow(me.schoolId(), id);
    }

    @GET
    @Path("/{id: \\d+}/history")
    @RolesAllowed({Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(summary = "Every step of the post: drafted, edited, signed, approved, published, where, by whom")
    public List<PostViews.HistoryEntry> history(@PathParam("id") long id) {
        posts.get(me.schoolId(), id);
        return posts.history(id).stream().map(PostViews.HistoryEntry::of).toList();
    }

    // ---- pictures ----

    @POST
    @Path("/{id: \\d+}/images")
    @Consumes({"image/jpeg", "image/png", "image/webp", "image/heic", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Add a picture (the raw file as the body): checked by content, metadata stripped, downscaled")
    public Response addImage(@PathParam("id") long id, byte[] body) {
        PostImage i = posts.addImage(me.schoolId(), id, Who.of(me), body);
        return Response.status(201).entity(PostViews.ImageView.of(i)).build();
    }

    @GET
    @Path("/{id: \\d+}/images/{imageId: \\d+}")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed("**")
    @Operation(summary = "The sanitised picture (any logged-in member of the school)")
    public Response image(@PathParam("id") long id, @PathParam("imageId") long imageId) {
        return imageResponse(posts, me.schoolId(), id, imageId);
    }

    @PUT
    @Path("/{id: \\d+}/images/{imageId: \\d+}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Who is on the picture: pupilIds, or noIdentifiablePupils=true")
    public PostView tag(@PathParam("id") long id, @PathParam("imageId") long imageId,
                        @NotNull PostViews.TagsForm form) {
        posts.tag(me.schoolId(), id, imageId, Who.of(me), form.pupilIds(), form.noIdentifiablePupils());
        return view(id);
    }

    @DELETE
    @Path("/{id: \\d+}/images/{imageId: \\d+}")
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Remove a picture from the draft")
    public PostView removeImage(@PathParam("id") long id, @PathParam("imageId") long imageId) {
        posts.removeImage(me.schoolId(), id, imageId, Who.of(me));
        return view(id);
    }

    // ---- the workflow ----

    @POST
    @Path("/{id: \\d+}/submit")
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Submit for sign-off (the author); 422 with every failed check")
    public PostView submit(@PathParam("id") long id) {
        posts.submit(me.schoolId(), id, Who.of(me));
        return view(id);
    }

    @POST
    @Path("/{id: \\d+}/sign-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICE_ROLE, Role.STAFF_ROLE, Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(summary = "Agree the post as read (a colleague, never the author); bound to the contentHash read")
    public PostView signOff(@PathParam("id") long id, @Valid @NotNull PostViews.SignOffForm form) {
        posts.signOff(me.schoolId(), id, Who.of(me), form.contentHash());
        return view(id);
    }

    @POST
    @Path("/{id: \\d+}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(summary = "Approve (the headteacher, never the author nor the signer); 409 when someone acted first")
    public PostView approve(@PathParam("id") long id, PostViews.ApproveForm form) {
        try {
            posts.approve(me.schoolId(), id, Who.of(me), form == null ? null : form.version());
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw StepRefused.conflict(posts.whoActedFirst(me.schoolId(), id));
        }
        return view(id);
    }

    @POST
    @Path("/{id: \\d+}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(summary = "Send back to the author as a draft, with the reason they will see")
    public PostView reject(@PathParam("id") long id, @Valid @NotNull PostViews.RejectForm form) {
        try {
            posts.reject(me.schoolId(), id, Who.of(me), form.reason(), form.version());
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw StepRefused.conflict(posts.whoActedFirst(me.schoolId(), id));
        }
        return view(id);
    }

    @POST
    @Path("/{id: \\d+}/take-down")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
    @Operation(summary = "Delete every live copy through the channels; our record is kept and the step audited")
    public PostViews.TakeDownView takeDown(@PathParam("id") long id, @Valid PostViews.TakeDownForm form) {
        TakeDownService.Result r = takeDowns.takeDown(me.schoolId(), id, Who.of(me), form == null ? null : form.reason());
        return new PostViews.TakeDownView(view(id), r.removed(), r.failures());
    }

    @POST
    @Path("/{id: \\d+}/retry")
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(summary = "Restart publishing after a failed publication (checks run again first)")
    public PostView retry(@PathParam("id") long id) {
        posts.retryPublishing(me.schoolId(), id, Who.of(me));
        return view(id);
    }

    @Transactional
    PostView view(long id) {
        Post p = posts.get(me.schoolId(), id);
        Map<Long, Channel> channels = queries.channels(p.schoolId);
        return PostView.of(p, posts.images(p.id), posts.targets(p.id), channels);
    }

    static Response imageResponse(PostService posts, long schoolId, long postId, long imageId) {
        PostImageData data = posts.imageData(schoolId, postId, imageId);
        PostImage i = posts.images(postId).stream().filter(x -> x.id == imageId).findFirst().orElse(null);
        if (i == null || data == null) {
            throw new jakarta.ws.rs.NotFoundException("No such picture");
        }
        return Response.ok(data.bytes, i.mediaType).header("Cache-Control", "private, max-age=3600")
                .header("Content-Disposition", "inline; filename=\"" + i.fileName() + "\"").build();
    }
}
