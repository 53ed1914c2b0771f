package org.schoolgate.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.staff.CurrentUser;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    public record EventView(long seq, Instant occurredAt, String actor, Long schoolId, String action,
                            String subjectType, String subjectId, String details, String hash) {
        static EventView of(AuditEvent e) {
            return new EventView(e.seq, e.occurredAt, e.actor, e.schoolId, e.action, e.subjectType, e.subjectId,
                    e.details, e.hash);
        }
    }

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser me;

    @GET
    @RolesAllowed({"headteacher", "admin", "governor"})
    @Operation(summary = "The current school's audit events, newest first")
    public List<EventView> events(@QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                  @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.recent(me.schoolId(), offset, limit).stream().map(EventView::of).toList();
    }

    @GET
    @Path("/verify")
    @RolesAllowed({"headteacher", "admin"})
    @Operation(summary = "Walk the hash chain: intact, or the first broken event")
    public ChainVerdict verify() {
        return audit.verify();
    }
}
