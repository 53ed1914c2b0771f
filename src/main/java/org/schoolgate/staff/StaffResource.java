package org.schoolgate.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who am I, and staff management for admins. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff")
public class StaffResource {

    public record SchoolView(long id, String name, String urn, String timezone) {
        static SchoolView of(School s) {
            return new SchoolView(s.id, s.name, s.urn, s.timezone);
        }
    }

    public record Me(String name, String email, List<String> roles, List<SchoolView> schools, long currentSchoolId) {
    }

    public record StaffView(long id, String name, String email, List<String> roles, boolean active) {
        static StaffView of(StaffUser u) {
            return new StaffView(u.id, u.displayName, u.email, u.roles.stream().map(Role::id).sorted().toList(), u.active);
        }
    }

    @Inject
    CurrentUser me;

    @Inject
    StaffService staff;

    @GET
    @Path("/me")
    @RolesAllowed("**")
    @Operation(summary = "The caller: name, roles and schools")
    public Me me() {
        StaffUser u = me.user();
        return new Me(u.displayName, u.email, u.roles.stream().map(Role::id).sorted().toList(),
                me.schools().stream().map(SchoolView::of).toList(), me.schoolId());
    }

    @GET
    @Path("/staff")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "Staff of the current school")
    public List<StaffView> list() {
        return staff.staffOfMySchool().stream().map(StaffView::of).toList();
    }

    @POST
    @Path("/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "Create a member of staff in the current school")
    public Response create(@Valid @NotNull NewStaffUser body) {
        StaffUser u = staff.create(body);
        return Response.created(URI.create("/api/staff/" + u.id)).entity(StaffView.of(u)).build();
    }
}
