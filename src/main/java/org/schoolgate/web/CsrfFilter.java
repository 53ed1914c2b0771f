package org.schoolgate.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Double-submit-cookie CSRF protection for every HTML form: a form post must carry the token of
 * the {@code csrf} cookie in its hidden {@code _csrf} field. JSON requests cannot be sent across
 * sites without CORS (which is off), so they need no token.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CsrfToken csrf;

    @ConfigProperty(name = "quarkus.profile")
    String profile;

    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> verify(ResteasyReactiveContainerRequestContext context, HttpServerRequest http) {
        Cookie cookie = http.getCookie(CsrfToken.COOKIE);
        if (cookie != null && !cookie.getValue().isBlank()) {
            csrf.fromCookie(cookie.getValue());
        }
        if (SAFE.contains(context.getMethod()) || !isForm(context)) {
            return Optional.empty();
        }
        ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) context.getServerRequestContext();
        Object sent = request.getFormParameter(CsrfToken.FIELD, true, false);
        if (cookie == null || sent == null || !constantTimeEquals(cookie.getValue(), sent.toString())) {
            return Optional.of(Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                    .entity(ErrorMappers.Templates.error(403, "This form has expired",
                            "The form was old or did not come from Schoolgate. Go back, reload the page and try again."))
                    .build());
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    public void issue(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        if (csrf.isFresh() || (http.getCookie(CsrfToken.COOKIE) == null && !http.path().startsWith("/api"))) {
            Cookie c = Cookie.cookie(CsrfToken.COOKIE, csrf.token()).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure("prod".equals(profile));
            response.getHeaders().add("Set-Cookie", c.encode());
        }
    }

    private static boolean isForm(ContainerRequestContext context) {
        MediaType type = context.getMediaType();
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
