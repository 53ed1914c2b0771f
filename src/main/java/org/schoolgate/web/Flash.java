package org.schoolgate.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;

/** One-shot messages across the redirect that ends every form post ({@code {inject:flash.message}}). */
@RequestScoped
@Named("flash")
public class Flash {

    static final String COOKIE = "flash";

    @Inject
    HttpServerRequest request;

    private String message;
    private boolean error;
    private boolean read;

    /** 303 to {@code path}, showing {@code message} there once. */
    public static Response redirect(String path, String message) {
        return redirect(path, message, false);
    }

    public static Response redirectWithError(String path, String message) {
        return redirect(path, message, true);
    }

    /** Answers that keep their own page: not found (another school's record), not logged in. */
    private static final Set<Integer> NOT_A_REFUSAL = Set.of(401, 404);

    /**
     * Runs a form's action, which ends in a redirect. When the action is refused, meaning it throws a
     * {@link WebApplicationException} with a message for the user (a bad value, a failed check, a rule about the
     * person such as "the author cannot sign off", someone else acting first, a platform saying no), the user goes
     * back to {@code back} with that message as the error instead. Role checks are not refusals of this kind: they
     * fail before the action runs.
     */
    public static Response attempt(String back, Supplier<Response> action) {
        return attempt(back, "", action);
    }

    /** As {@link #attempt(String, Supplier)}, with the refusal shown after {@code prefix} ("Not approved: "). */
    public static Response attempt(String back, String prefix, Supplier<Response> action) {
        try {
            return action.get();
        } catch (WebApplicationException e) {
            if (NOT_A_REFUSAL.contains(e.getResponse().getStatus())) {
                throw e;
            }
            return redirectWithError(back, prefix + e.getMessage());
        }
    }

    private static Response redirect(String path, String message, boolean error) {
        String value = URLEncoder.encode((error ? "E" : "I") + message, StandardCharsets.UTF_8);
        Cookie c = Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setMaxAge(60);
        return Response.seeOther(URI.create(path)).header("Set-Cookie", c.encode()).build();
    }

    public String message() {
        load();
        return message;
    }

    public boolean isError() {
        load();
        return error;
    }

    private void load() {
        if (read) {
            return;
        }
        read = true;
        Cookie c = request.getCookie(COOKIE);
        if (c != null && !c.getValue().isEmpty()) {
            String decoded = URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8);
            error = decoded.startsWith("E");
            message = decoded.substring(1);
            // shown now, so forget it
            request.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
        }
    }
}
