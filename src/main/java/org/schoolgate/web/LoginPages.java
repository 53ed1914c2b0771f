package org.schoolgate.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
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

    /** Set by the identity provider when a login fails; the form mechanism then sends the browser back here. */
    public static final String LOGIN_FAILED_COOKIE = "login-failed";

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
    public Response login(@QueryParam("out") String out, @CookieParam(LOGIN_FAILED_COOKIE) String failed) {
        // one message for every reason a login fails (unknown account, wrong password, locked), shown once
        Response.ResponseBuilder page = Response.ok(Templates.login(failed != null, out != null, demo));
        if (failed != null) {
            page.header("Set-Cookie", Cookie.cookie(LOGIN_FAILED_COOKIE, "").setPath("/login").setMaxAge(0).encode());
        }
        return page.build();
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
