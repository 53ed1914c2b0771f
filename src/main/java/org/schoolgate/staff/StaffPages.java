package org.schoolgate.staff;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.schoolgate.web.Flash;

/** Admin pages for staff and schools, and the school switcher for trust members. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance staff(List<StaffUser> users, Role[] roles);

        static native TemplateInstance edit(StaffUser user, Role[] roles);

        static native TemplateInstance schools(List<School> schools);
    }

    @Inject
    StaffService staff;

    @Inject
    CurrentUser me;

    @Inject
    Validator validator;

    @GET
    @Path("admin/staff")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.staff(staff.staffOfMySchool(), Role.values());
    }

    @POST
    @Path("admin/staff")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("name") String name, @FormParam("email") String email,
                           @FormParam("roles") List<String> roles, @FormParam("password") String password) {
        NewStaffUser form = new NewStaffUser(name, email, roles, password);
        var violations = validator.validate(form);
        if (!violations.isEmpty()) {
            return Flash.redirectWithError("/admin/staff",
                    violations.stream().map(v -> v.getMessage()).sorted().collect(Collectors.joining(". ")) + ".");
        }
        try {
            return Flash.attempt("/admin/staff", () -> {
                StaffUser u = staff.create(form);
                return Flash.redirect("/admin/staff", u.displayName + " can now log in as " + u.email + ".");
            });
        } catch (ConstraintViolationException e) {
            return Flash.redirectWithError("/admin/staff", e.getMessage());
        }
    }

    @GET
    @Path("admin/staff/{id}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("id") long id) {
        return Templates.edit(staff.inMySchool(id), Role.values());
    }

    @POST
    @Path("admin/staff/{id}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @FormParam("name") String name,
                           @FormParam("roles") List<String> roles, @FormParam("active") boolean active,
                           @FormParam("password") String password) {
        return Flash.attempt("/admin/staff/" + id, () -> {
            if (name == null || name.isBlank()) {
                throw new BadRequestException("Enter the person's name");
            }
            staff.update(id, name, roles, active);
            if (password != null && !password.isBlank()) {
                staff.resetPassword(id, password);
            }
            return Flash.redirect("/admin/staff", "Saved.");
        });
    }

    @GET
    @Path("admin/schools")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(hidden = true)
    public TemplateInstance schools() {
        return Templates.schools(me.schools());
    }

    @POST
    @Path("admin/schools")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveSchool(@FormParam("id") Long id, @FormParam("name") String name, @FormParam("urn") String urn,
                               @FormParam("timezone") String timezone, @FormParam("publicContacts") String publicContacts) {
        return Flash.attempt("/admin/schools", () -> {
            School s = id == null ? staff.createSchool(name, urn, timezone, publicContacts)
                    : staff.updateSchool(id, name, urn, timezone, publicContacts);
            return Flash.redirect("/admin/schools", s.name + " saved.");
        });
    }

    /** Trust members choose which school they are working in; the choice is checked on every request. */
    @POST
    @Path("school")
    @RolesAllowed("**")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response switchSchool(@FormParam("id") long id) {
        School chosen = me.schools().stream().filter(s -> s.id == id).findFirst()
                .orElseThrow(() -> new io.quarkus.security.ForbiddenException("You do not belong to that school"));
        Cookie c = Cookie.cookie(CurrentUser.SCHOOL_COOKIE, Long.toString(chosen.id)).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT);
        return Response.seeOther(URI.create("/")).header("Set-Cookie", c.encode()).build();
    }
}
