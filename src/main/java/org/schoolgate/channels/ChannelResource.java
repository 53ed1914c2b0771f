package org.schoolgate.channels;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.staff.Role;

/** The channel registry as JSON. Credentials go in (admin) and out only by break-glass reveal (headteacher). */
@Path("/api/channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Channels")
public class ChannelResource {

    public record ChannelView(long id, Platform platform, String accountId, String name, ChannelKind kind,
                              ChannelStatus status, String purpose, String objectives, String riskAssessment,
                              String registeredWithEmail, String registeredBy, Instant registeredAt,
                              String approvedBy, Instant approvedAt, boolean connected, boolean readOnly,
                              Instant tokenExpiresAt, Instant lastPolledAt, String lastProblem) {
        static ChannelView of(Channel c) {
            return new ChannelView(c.id, c.platform, c.accountId, c.name, c.kind, c.status, c.purpose, c.objectives,
                    c.riskAssessment, c.registeredWithEmail, c.registeredBy, c.registeredAt, c.approvedBy,
                    c.approvedAt, c.isConnected(), c.isReadOnly(), c.tokenExpiresAt, c.lastPolledAt, c.lastProblem);
        }
    }

    public record CredentialsBody(String accessToken, String username, String password) {
        @Override
        public String toString() {
            return "CredentialsBody[redacted]";
        }
    }

    public record ReasonBody(@NotBlank(message = "Give a reason") String reason) {
    }

    public record PostsView(List<PlatformPost> posts, String nextCursor) {
    }

    @Inject
    ChannelService channels;

    @Inject
    ChannelBrowser browser;

    @GET
    @RolesAllowed({Role.HEADTEACHER_ROLE, Role.ADMIN_ROLE, Role.DSL_ROLE})
    @Operation(summary = "Channels of the current school")
    public List<ChannelView> list() {
        return channels.mine().stream().map(ChannelView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.HEADTEACHER_ROLE, Role.ADMIN_ROLE, Role.DSL_ROLE})
    @Operation(summary = "One channel")
    public ChannelView get(@PathParam("id") long id) {
        return ChannelView.of(channels.mine(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(summary = "Register a channel (pending until the headteacher approves it)")
    public Response register(@Valid @NotNull NewChannel body) {
        Channel c = channels.register(body);
        return Response.created(URI.create("/api/channels/" + c.id)).entity(ChannelView.of(c)).build();
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(summary = "Approve a pending, connected channel: it becomes active")
    public ChannelView approve(@PathParam("id") long id) {
        return ChannelView.of(channels.approve(id));
    }

    @PUT
    @Path("{id}/credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "Store new credentials (encrypted); reconnects a channel that needed it")
    public ChannelView connect(@PathParam("id") long id, @NotNull CredentialsBody body) {
        return ChannelView.of(channels.connect(id, new ChannelCredentials(body.accessToken(), body.username(),
                body.password())));
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(summary = "Suspend a channel (no polling, no publishing)")
    public ChannelView suspend(@PathParam("id") long id, @Valid @NotNull ReasonBody body) {
        return ChannelView.of(channels.suspend(id, body.reason()));
    }

    @POST
    @Path("{id}/reactivate")
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(summary = "Reactivate a suspended channel")
    public ChannelView reactivate(@PathParam("id") long id) {
        return ChannelView.of(channels.reactivate(id));
    }

    @POST
    @Path("{id}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Operation(summary = "Break glass: reveal the stored credentials (audited with the reason)")
    public Response reveal(@PathParam("id") long id, @Valid @NotNull ReasonBody body) {
        ChannelCredentials c = channels.reveal(id, body.reason());
        return Response.ok(new CredentialsBody(c.accessToken(), c.username(), c.password()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("reencrypt")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "After a key rotation: re-encrypt this school's credentials with the current key")
    public int reencrypt() {
        return channels.reencrypt();
    }

    @GET
    @Path("{id}/posts")
    @RolesAllowed({Role.HEADTEACHER_ROLE, Role.ADMIN_ROLE, Role.DSL_ROLE})
    @Operation(summary = "Recent posts, read live from the platform (one page; pass the cursor for more)")
    public PostsView posts(@PathParam("id") long id, @QueryParam("cursor") String cursor) {
        Slice<PlatformPost> s = browser.posts(id, Optional.ofNullable(cursor).filter(x -> !x.isBlank()));
        return new PostsView(s.items(), s.nextCursor().orElse(null));
    }

    @GET
    @Path("{id}/posts/{postId}/comments")
    @RolesAllowed({Role.HEADTEACHER_ROLE, Role.ADMIN_ROLE, Role.DSL_ROLE})
    @Operation(summary = "Comments and replies of a post, read live from the platform")
    public List<PlatformComment> comments(@PathParam("id") long id, @PathParam("postId") String postId) {
        return browser.comments(id, postId);
    }
}
