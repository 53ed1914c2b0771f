package org.schoolgate.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.schoolgate.support.Api;
import org.schoolgate.support.Forms;

/**
 * Walks every JAX-RS route in the code base and proves it is closed: without credentials it answers
 * 401 (API) or sends to the login page, and every role it does not name gets 403. Only the routes in
 * {@link #PUBLIC} may be open; health, static assets and /j_security_check are not JAX-RS routes.
 */
@QuarkusTest
class RouteSecurityTest {

    static final Set<String> ROLES = Set.of("office", "staff", "headteacher", "dsl", "admin", "governor");
    /**
     * The only public routes: the login page, and the images Instagram's servers fetch while a post is
     * published (the Graph API takes a public image URL; the key is 128 random bits and lives one day).
     */
    static final Set<String> PUBLIC = Set.of("GET /login", "GET /public-media/{key}");
    /** Demo users hold exactly one role each. */
    static final java.util.Map<String, String> USER_OF_ROLE = java.util.Map.of("office", "office", "staff", "staff",
            "headteacher", "head", "dsl", "dsl", "admin", "admin", "governor", "governor");

    record Route(String method, String path, Set<String> roles, boolean permitAll, String consumes) {
        boolean json() {
            return consumes != null && !consumes.startsWith("application/x-www-form") && !consumes.startsWith("multipart/");
        }

        String key() {
            return method + " " + path;
        }

        boolean anyAuthenticated() {
            return roles.contains("**");
        }
    }

    @Test
    void everyRouteRefusesStrangersAndWrongRoles() {
        List<Route> routes = routes();
        assertThat(routes).as("the walker must find the application's routes").hasSizeGreaterThan(15);
        List<String> problems = new ArrayList<>();
        for (Route r : routes) {
            if (r.permitAll()) {
                if (!PUBLIC.contains(r.key())) {
                    problems.add(r.key() + " is public but not on the public list");
                }
                continue;
            }
            if (!r.anyAuthenticated() && r.roles().isEmpty()) {
                problems.add(r.key() + " has no @RolesAllowed");
            }
            Response anonymous = send(spec(given(), r), r);
            boolean refused = r.path().startsWith("/api") ? anonymous.statusCode() == 401
                    : anonymous.statusCode() == 303 && anonymous.header("Location").endsWith("/login");
            if (!refused) {
                problems.add(r.key() + " without login answered " + anonymous.statusCode());
            }
            if (r.anyAuthenticated()) {
                continue;
            }
            for (String role : ROLES) {
                String user = USER_OF_ROLE.get(role);
                int status = send(spec(Api.as(user), r), r).statusCode();
                boolean allowed = r.roles().contains(role);
                if (!allowed && status != 403) {
                    problems.add(r.key() + " as " + role + " answered " + status + " (expected 403)");
                }
                if (allowed && (status == 401 || status == 403)) {
                    problems.add(r.key() + " as " + role + " was refused with " + status);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void operatorEndpointsNeedTheirRoles() {
        given().get("/q/health").then().statusCode(200);
        Api.as("office").get("/q/metrics").then().statusCode(403);
        Api.as("admin").get("/q/metrics").then().statusCode(200);
        given().redirects().follow(false).get("/q/openapi").then().statusCode(org.hamcrest.Matchers.not(200));
        Api.as("office").get("/q/openapi").then().statusCode(200);
        given().get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").then().statusCode(200);
        given().get("/static/app.css").then().statusCode(200);
    }

    /** A request as the route's own clients send it, with a valid CSRF pair so only the role check can refuse it. */
    private static RequestSpecification spec(RequestSpecification base, Route r) {
        base = base.redirects().follow(false);
        if (r.consumes() != null && r.consumes().startsWith("multipart/")) {
            return base.cookie("csrf", Forms.TOKEN).multiPart("_csrf", Forms.TOKEN)
                    .multiPart("file", "x.csv", "a,b\n".getBytes(), "text/csv");
        }
        if (r.json()) {
            if (!r.consumes().contains("json") && !r.consumes().startsWith("text/")) {
                return base.contentType(r.consumes()).body(new byte[0]);
            }
            return base.contentType(r.consumes()).body(r.consumes().contains("json") ? "{}" : "");
        }
        return base.contentType("application/x-www-form-urlencoded").cookie("csrf", Forms.TOKEN)
                .formParam("_csrf", Forms.TOKEN);
    }

    private static Response send(RequestSpecification spec, Route r) {
        String path = r.path().replaceAll("\\{[^}]+}", "1");
        return switch (r.method()) {
            case "GET" -> spec.get(path);
            case "POST" -> spec.post(path);
            case "PUT" -> spec.put(path);
            case "PATCH" -> spec.patch(path);
            case "DELETE" -> spec.delete(path);
            default -> throw new IllegalStateException(r.method());
        };
    }

    static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.schoolgate")) {
            if (!c.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = c.getAnnotationOfType(Path.class).value();
            for (JavaMethod m : c.getMethods()) {
                String verb = Stream.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)
                        .filter(m::isAnnotatedWith).map(a -> a.getSimpleName()).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                String sub = m.isAnnotatedWith(Path.class) ? m.getAnnotationOfType(Path.class).value() : "";
                String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
                if (path.length() > 1 && path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                Set<String> roles = new TreeSet<>();
                RolesAllowed ra = m.isAnnotatedWith(RolesAllowed.class) ? m.getAnnotationOfType(RolesAllowed.class)
                        : c.isAnnotatedWith(RolesAllowed.class) ? c.getAnnotationOfType(RolesAllowed.class) : null;
                if (ra != null) {
                    roles.addAll(List.of(ra.value()));
                }
                boolean permitAll = m.isAnnotatedWith(PermitAll.class) || (ra == null && c.isAnnotatedWith(PermitAll.class));
                Consumes consumes = m.isAnnotatedWith(Consumes.class) ? m.getAnnotationOfType(Consumes.class)
                        : c.isAnnotatedWith(Consumes.class) ? c.getAnnotationOfType(Consumes.class) : null;
                routes.add(new Route(verb, path, roles, permitAll, consumes == null ? null : consumes.value()[0]));
            }
        }
        return routes;
    }
}
