package org.schoolgate.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;

/** The governors' report page (read-only: only a date range form) and its PDF. Headteacher and governors. */
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.HEADTEACHER_ROLE, Role.GOVERNOR_ROLE})
public class ReportPages {

    public record Chart(String title, String svg) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(GovernorsReport r, List<Chart> charts, List<TermRules.Term> presets,
                                              String error);
    }

    @Inject
    ReportService reports;

    @Inject
    CurrentUser me;

    @Inject
    Clock clock;

    @GET
    @Operation(hidden = true)
    public TemplateInstance report(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(clock.withZone(me.school().zone()));
        TermRules.Term term = TermRules.of(today);
        List<TermRules.Term> presets = List.of(term, term.previous(), TermRules.schoolYear(today));
        String error = null;
        GovernorsReport r;
        try {
            r = reports.report(me.schoolId(), parse(from, term.first()), parse(to, term.last()));
        } catch (BadRequestException e) {
            error = e.getMessage();
            r = reports.report(me.schoolId(), term.first(), term.last());
        }
        List<Chart> charts = List.of(
                new Chart("Flagged comments by category", SvgCharts.bars("Flagged comments by category", r.flaggedByCategory())),
                new Chart("Items raised by kind", SvgCharts.bars("Items raised by kind", r.itemsByKind())),
                new Chart("Actions taken", SvgCharts.bars("Actions taken", r.actionsByType())),
                new Chart("Escalations", SvgCharts.bars("Escalations", r.escalationsByTarget())));
        return Templates.report(r, charts, presets, error);
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @Operation(hidden = true)
    public Response pdf(@QueryParam("from") String from, @QueryParam("to") String to) {
        TermRules.Term term = TermRules.of(LocalDate.now(clock.withZone(me.school().zone())));
        GovernorsReport r = reports.report(me.schoolId(), parse(from, term.first()), parse(to, term.last()));
        return Response.ok(ReportPdf.render(r, Instant.now(clock)), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"governors-report-" + r.first() + "-" + r.last() + ".pdf\"")
                .build();
    }

    static LocalDate parse(String s, LocalDate fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Dates are written 2026-09-01.");
        }
    }
}
