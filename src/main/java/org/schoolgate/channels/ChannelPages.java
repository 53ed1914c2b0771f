package org.schoolgate.channels;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.Flash;

/** Channel pages: the registry, one channel with its live posts, and a post's comments. */
@Path("/channels")
@Produces(MediaType.TEXT_HTML)
public class ChannelPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance channels(List<Channel> channels, Platform[] platforms, ChannelKind[] kinds,
                                                boolean instagram4j);

        static native TemplateInstance channel(Channel channel, Slice<PlatformPost> posts, String error,
                                               boolean instagram4jRisks);

        static native TemplateInstance comments(Channel channel, String postId, List<PlatformComment> comments);

        static native TemplateInstance revealed(Channel channel, ChannelCredentials credentials);
    }

    @Inject
    ChannelService channels;

    @Inject
    ChannelBrowser browser;

    @Inject
    ChannelsConfig config;

    @Inject
    CurrentUser me;

    @Inject
    Validator validator;

    @GET
    @RolesAllowed({Role.HEADTEACHER_ROLE, Role.ADMIN_ROLE, Role.DSL_ROLE})
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.channels(channels.mine(), Platform.values(), ChannelKind.values(),
                config.instagram4j().enabled());
    }

    @POST
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response register(@FormParam("platform") String platform, @FormParam("accountId") String accountId,
                             @FormParam("name") String name, @FormParam("kind") String kind,
                             @FormParam("purpose") String purpose, @FormParam("objectives") String objectives,
                             @FormParam("riskAssessment") String risk, @FormParam("email") String email) {
        NewChannel form;
        try {
            form = new NewChannel(platform == null ? null : Platform.valueOf(platform), accountId, name,
                    kind == null ? null : ChannelKind.valueOf(kind), purpose, objectives, risk, email);
        } catch (IllegalArgumentException e) {
            return Flash.redirectWithError("/channels", "Choose a platform and a kind from the lists.");
        }
        var violations = validator.validate(form);
        if (!violations.isEmpty()) {
            return Flash.redirectWithError("/channels",
                    violations.stream().map(v -> v.getMessage()).sorted().collect(Collectors.joining(". ")) + ".");
        }
        return Flash.attempt("/channels", () -> {
            Channel c = channels.register(form);
            return Flash.redirect("/channels/" + c.id, c.name + " is registered. An admin connects it; then approve it.");
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.HEADTEACHER_ROLE, Role.ADMIN_ROLE, Role.DSL_ROLE})
    @Operation(hidden = true)
    public TemplateInstance channel(@PathParam("id") long id, @QueryParam("cursor") String cursor) {
        Channel c = channels.mine(id);
        Slice<PlatformPost> posts = Slice.last(List.of());
        String error = null;
        if (c.isConnected() && c.status != ChannelStatus.SUSPENDED) {
            try {
                posts = browser.posts(id, Optional.ofNullable(cursor).filter(s -> !s.isBlank()));
            } catch (WebApplicationException e) {
                error = e.getMessage();
            }
        }
        return Templates.channel(c, posts, error, c.platform == Platform.INSTAGRAM_PRIVATE);
    }

    @GET
    @Path("{id}/posts/{postId}")
    @RolesAllowed({Role.HEADTEACHER_ROLE, Role.ADMIN_ROLE, Role.DSL_ROLE})
    @Operation(hidden = true)
    public TemplateInstance comments(@PathParam("id") long id, @PathParam("postId") String postId) {
        return Templates.comments(channels.mine(id), postId, browser.comments(id, postId));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response approve(@PathParam("id") long id) {
        return act(id, () -> channels.approve(id).name + " is now active.");
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response suspend(@PathParam("id") long id, @FormParam("reason") String reason) {
        return act(id, () -> channels.suspend(id, reason).name + " is suspended.");
    }

    @POST
    @Path("{id}/reactivate")
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reactivate(@PathParam("id") long id) {
        return act(id, () -> channels.reactivate(id).name + " is active again.");
    }

    @POST
    @Path("{id}/credentials")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response connect(@PathParam("id") long id, @FormParam("accessToken") String token,
                            @FormParam("username") String username, @FormParam("password") String password) {
        return act(id, () -> {
            channels.connect(id, new ChannelCredentials(blankToNull(token), blankToNull(username),
                    blankToNull(password)));
            return "Credentials saved (encrypted).";
        });
    }

    @POST
    @Path("{id}/reveal")
    @RolesAllowed(Role.HEADTEACHER_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reveal(@PathParam("id") long id, @FormParam("reason") String reason) {
        return Flash.attempt("/channels/" + id, () -> {
            ChannelCredentials creds = channels.reveal(id, reason);
            return Response.ok(Templates.revealed(channels.mine(id), creds)).header("Cache-Control", "no-store").build();
        });
    }

    private Response act(long id, java.util.function.Supplier<String> action) {
        return Flash.attempt("/channels/" + id, () -> Flash.redirect("/channels/" + id, action.get()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
