package org.schoolgate.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.schoolgate.staff.CurrentUser;

@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    private static final int PAGE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(List<AuditEvent> events, int offset, int page, boolean more,
                                           ChainVerdict verdict, boolean canVerify);
    }

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser me;

    @GET
    @RolesAllowed({"headteacher", "admin", "governor"})
    @Operation(hidden = true)
    public TemplateInstance log(@QueryParam("offset") @DefaultValue("0") int offset,
                                @QueryParam("verify") boolean verify) {
        int from = Math.max(0, offset);
        List<AuditEvent> events = audit.recent(me.schoolId(), from, PAGE + 1);
        boolean canVerify = me.hasRole("headteacher") || me.hasRole("admin");
        ChainVerdict verdict = verify && canVerify ? audit.verify() : null;
        boolean more = events.size() > PAGE;
        return Templates.log(more ? events.subList(0, PAGE) : events, from, PAGE, more, verdict, canVerify);
    }
}
