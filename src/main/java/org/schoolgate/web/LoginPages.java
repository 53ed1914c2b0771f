package org.schoolgate.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The login form (posted to Quarkus' {@code /j_security_check}) and logout. */
@Path("/")
public class LoginPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean loggedOut, boolean demo);
    }

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @ConfigProperty(name = "schoolgate.demo.enabled", defaultValue = "false")
    boolean demo;

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("out") String out) {
        return Templates.login(error != null, out != null, demo);
    }

    @POST
    @Path("logout")
    @RolesAllowed("**")
    @Operation(hidden = true)
    public Response logout() {
        Cookie gone = Cookie.cookie(sessionCookie, "").setPath("/").setMaxAge(0);
        return Response.seeOther(URI.create("/login?out=1")).header("Set-Cookie", gone.encode()).build();
    }
}
