package org.schoolgate.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;

@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.HEADTEACHER_ROLE, Role.GOVERNOR_ROLE})
@Tag(name = "Governors' report")
public class ReportResource {

    public record PostsJson(long published, long blockedByConsent, Long medianToSignOffMinutes,
                            Long medianToApprovalMinutes) {
    }

    public record ReportJson(String school, LocalDate from, LocalDate to, PostsJson posts, long commentsScanned,
                             long commentsFlagged, Map<String, Long> flaggedByCategory, Map<String, Long> itemsByKind,
                             Map<String, Long> actionsByType, Map<String, Long> escalationsByTarget, long itemsAnswered,
                             long itemsWaiting, Long medianResponseMinutes) {
    }

    @Inject
    ReportService reports;

    @Inject
    CurrentUser me;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "The governors' report for a date range (both days included; default: this term)")
    public ReportJson report(@QueryParam("from") String from, @QueryParam("to") String to) {
        TermRules.Term term = TermRules.of(LocalDate.now(clock.withZone(me.school().zone())));
        GovernorsReport r = reports.report(me.schoolId(), ReportPages.parse(from, term.first()), ReportPages.parse(to, term.last()));
        PostFigures.Figures p = r.posts();
        PostsJson posts = new PostsJson(p.published(), p.blockedByConsent(),
                p.medianToSignOff().map(d -> d.toMinutes()).orElse(null),
                p.medianToApproval().map(d -> d.toMinutes()).orElse(null));
        return new ReportJson(r.schoolName(), r.first(), r.last(), posts, r.commentsScanned(), r.commentsFlagged(),
                r.flaggedByCategory(), r.itemsByKind(), r.actionsByType(), r.escalationsByTarget(), r.itemsAnswered(),
                r.itemsWaiting(), r.medianResponse().map(d -> d.toMinutes()).orElse(null));
    }
}
