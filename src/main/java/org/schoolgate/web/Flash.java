package org.schoolgate.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
