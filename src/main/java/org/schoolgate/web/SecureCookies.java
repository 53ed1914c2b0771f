package org.schoolgate.web;

import io.quarkus.runtime.LaunchMode;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * In production every cookie (session, CSRF, flash) is marked Secure, whether TLS ends here or at a
 * proxy in front: Quarkus only marks the session cookie Secure when the request itself came over TLS.
 */
@ApplicationScoped
public class SecureCookies {

    void install(@Observes Router router) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            router.route().order(-1000).handler(this::markSecure);
        }
    }

    private void markSecure(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> secure(rc.response().headers()));
        rc.next();
    }

    static void secure(MultiMap headers) {
        List<String> cookies = headers.getAll("Set-Cookie");
        if (cookies.isEmpty()) {
            return;
        }
        headers.remove("Set-Cookie");
        for (String c : cookies) {
            headers.add("Set-Cookie", c.toLowerCase(java.util.Locale.ROOT).contains("; secure") ? c : c + "; Secure");
        }
    }
}
