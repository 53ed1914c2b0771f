package org.schoolgate.staff;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import org.schoolgate.web.LoginPages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.schoolgate.audit.AuditableEvent;

/**
 * Checks a login (the form and HTTP Basic) against the staff table: bcrypt, active account,
 * throttling per account and per address, and one generic failure for every reason.
 */
@ApplicationScoped
public class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Compared against when the account does not exist, so timing does not reveal which accounts do. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no-such-account-" + System.nanoTime());

    @Inject
    LoginThrottle throttle;

    @Inject
    Event<AuditableEvent> events;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null ? "unknown" : http.request().remoteAddress().hostAddress();
        boolean formLogin = http != null && http.request().path().endsWith("/j_security_check");
        String email = StaffUser.normaliseEmail(request.getUsername());
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            // the failure is audited in a transaction that commits, then the login is refused
            SecurityIdentity identity = QuarkusTransaction.requiringNew().call(() -> check(email, password, address, formLogin));
            if (identity == null) {
                if (formLogin) {
                    http.response().addCookie(Cookie.cookie(LoginPages.LOGIN_FAILED_COOKIE, "1").setPath("/login")
                            .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setMaxAge(60));
                }
                throw new AuthenticationFailedException();
            }
            return identity;
        });
    }

    /** The identity, or null when refused (the refusal is already audited). */
    private SecurityIdentity check(String email, String password, String address, boolean formLogin) {
        if (throttle.isBlocked(email, address)) {
            events.fire(new StaffEvents.LoginFailed(email, address, "throttled"));
            return null;
        }
        StaffUser user = StaffUser.findByEmail(email).orElse(null);
        boolean matches = BcryptUtil.matches(password, user == null ? DUMMY_HASH : user.passwordHash);
        if (user == null || !matches || !user.active) {
            throttle.failed(email, address);
            String reason = user == null ? "unknown account" : !matches ? "wrong password" : "account disabled";
            events.fire(new StaffEvents.LoginFailed(email, address, reason));
            return null;
        }
        throttle.succeeded(email);
        if (formLogin) {
            events.fire(new StaffEvents.LoginSucceeded(email, address));
        }
        return StaffIdentities.of(user);
    }
}
