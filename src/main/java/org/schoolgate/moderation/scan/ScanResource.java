package org.schoolgate.moderation.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;

/** The comment scan for scripts: start one, follow it, and read what it stored (headteacher and DSL). */
@Path("/api/scan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comment scan")
@RolesAllowed({Role.HEADTEACHER_ROLE, Role.DSL_ROLE})
public class ScanResource {

    static final int RUNS = 20;

    @Inject
    ScanService scans;

    @Inject
    EvidenceService evidence;

    @Inject
    CurrentUser me;

    @GET
    @Operation(summary = "The running scan (if any), the latest runs and each channel's watermark")
    public ScanViews.Overview overview() {
        long school = me.schoolId();
        return new ScanViews.Overview(scans.running(school).map(ScanViews.RunView::of).orElse(null),
                scans.recent(school, RUNS).stream().map(ScanViews.RunView::of).toList(), scans.channels(school));
    }

    @POST
    @Operation(summary = "Start a scan of every active channel now, in the background (409 if one is running)")
    public Response start() {
        ScanRun run = scans.start(me.schoolId(), me.email());
        return Response.accepted(ScanViews.RunView.of(run)).header("Location", "/api/scan/runs/" + run.id).build();
    }

    @GET
    @Path("runs/{id}")
    @Operation(summary = "One scan run with its progress")
    public ScanViews.RunView run(@PathParam("id") long id) {
        return ScanViews.RunView.of(scans.get(me.schoolId(), id));
    }

    @GET
    @Path("comments")
    @Transactional
    @Operation(summary = "Scanned comments, newest first; flagged=true for the flagged ones only")
    public List<ScanViews.CommentView> comments(@QueryParam("flagged") @DefaultValue("false") boolean flagged,
                                                @QueryParam("limit") @DefaultValue("50") int limit) {
        String q = "schoolId = ?1" + (flagged ? " and flagged = true" : "") + " order by createdAt desc, id desc";
        return ScannedComment.<ScannedComment>find(q, me.schoolId()).page(0, Math.max(1, Math.min(limit, 500))).list()
                .stream().map(c -> ScanViews.CommentView.of(c, null)).toList();
    }

    @GET
    @Path("comments/{id}")
    @Transactional
    @Operation(summary = "One scanned comment with its evidence record and whether the record's hash still holds")
    public ScanViews.CommentView comment(@PathParam("id") long id) {
        ScannedComment c = ScannedComment.findById(id);
        if (c == null || c.schoolId != me.schoolId()) {
            throw new NotFoundException("No such comment");
        }
        ScanViews.EvidenceView ev = evidence.forComment(c.schoolId, c.id)
                .map(r -> new ScanViews.EvidenceView(r.id, r.sha256, evidence.verify(r), r.capturedAt, r.capturedBy,
                        r.recordJson)).orElse(null);
        return ScanViews.CommentView.of(c, ev);
    }
}
