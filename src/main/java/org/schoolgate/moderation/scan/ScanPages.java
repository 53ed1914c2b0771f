package org.schoolgate.moderation.scan;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.Flash;

/**
 * The comment scan page (headteacher, DSL): start a scan now, watch its progress (htmx polls a small
 * fragment while it runs), the recent runs and where each channel's scan has got.
 */
@Path("/scan")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
public class ScanPages {

    static final int RUNS = 15;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance scan(ScanRun latest, List<ScanRun> runs, List<ChannelScanView> channels);

        static native TemplateInstance scan$progress(ScanRun latest);
    }

    @Inject
    ScanService scans;

    @Inject
    CurrentUser me;

    @GET
    @Operation(hidden = true)
    public TemplateInstance page() {
        List<ScanRun> runs = scans.recent(me.schoolId(), RUNS);
        return Templates.scan(runs.isEmpty() ? null : runs.get(0), runs, scans.channels(me.schoolId()));
    }

    /** The progress box alone, polled by htmx while a scan runs. */
    @GET
    @Path("progress")
    @Operation(hidden = true)
    public TemplateInstance progress() {
        List<ScanRun> runs = scans.recent(me.schoolId(), 1);
        return Templates.scan$progress(runs.isEmpty() ? null : runs.get(0));
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response start() {
        return Flash.attempt("/scan", () -> {
            scans.start(me.schoolId(), me.email());
            return Flash.redirect("/scan", "The scan has started. You can leave this page; it carries on.");
        });
    }
}
