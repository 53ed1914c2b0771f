package org.schoolgate.staff;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;

/**
 * The logged-in person and the school they are working in. Every tenant-owned query is scoped by
 * {@link #schoolId()}: a trust member picks the school with the {@code X-School-Id} header (API) or
 * the {@code school} cookie (pages); anyone else simply works in their one school.
 */
@RequestScoped
@Named("me")
public class CurrentUser {

    public static final String SCHOOL_HEADER = "X-School-Id";
    public static final String SCHOOL_COOKIE = "school";

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    private StaffUser user;
    private School school;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public StaffUser user() {
        if (user == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            user = StaffUser.findByEmail(identity.getPrincipal().getName()).orElseThrow(UnauthorizedException::new);
        }
        return user;
    }

    public long userId() {
        return user().id;
    }

    public String email() {
        return user().email;
    }

    public String name() {
        return user().displayName;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public List<School> schools() {
        return user().schools.stream().sorted(Comparator.comparing(s -> s.name)).toList();
    }

    /** The school this request works in; refused when the caller asks for a school they do not belong to. */
    public School school() {
        if (school == null) {
            List<School> mine = schools();
            if (mine.isEmpty()) {
                throw new ForbiddenException("You do not belong to any school yet. Ask your IT admin.");
            }
            String wanted = request.getHeader(SCHOOL_HEADER);
            if (wanted == null) {
                Cookie cookie = request.getCookie(SCHOOL_COOKIE);
                wanted = cookie == null ? null : cookie.getValue();
            }
            if (wanted == null || wanted.isBlank()) {
                school = mine.get(0);
            } else {
                String id = wanted.trim();
                school = mine.stream().filter(s -> Long.toString(s.id).equals(id)).findFirst()
                        .orElseThrow(() -> new ForbiddenException("You do not belong to school " + id));
            }
        }
        return school;
    }

    /** For the page header: never throws (a refused school choice still renders the error page). */
    public String schoolName() {
        try {
            return school().name;
        } catch (RuntimeException e) {
            return "";
        }
    }

    public long schoolId() {
        return school().id;
    }
}
