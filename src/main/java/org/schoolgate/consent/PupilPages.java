package org.schoolgate.consent;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.Flash;

/** Pages for the roster, a pupil's consents and history, MIS import, renewals and the subject-access export. */
@Path("/pupils")
@Produces(MediaType.TEXT_HTML)
public class PupilPages {

    /** One line of the consent table on a pupil's page. */
    public record ConsentRow(String purpose, String label, ConsentRecord current, String status, String badge,
                             boolean withdrawable) {
    }

    /** One version in the history table. */
    public record HistoryRow(String label, ConsentRecord version) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Pupil> pupils, String q, String year, boolean left,
                                            List<String> yearGroups, boolean canEdit, int offset, boolean more);

        static native TemplateInstance detail(Pupil pupil, List<ConsentRow> consents, List<HistoryRow> history,
                                              List<Purpose> purposes, boolean canEdit, LocalDate today,
                                              ConsentState[] states, GivenBy[] givenBy, ConsentMethod[] methods,
                                              NameAllowance[] allowances);

        static native TemplateInstance create();

        static native TemplateInstance upload(int maxMegabytes);

        static native TemplateInstance preview(PupilImport upload, ImportPlan plan);

        static native TemplateInstance renewals(List<ConsentService.Renewal> renewals, int days);

        static native TemplateInstance export(ConsentViews.SubjectAccessExport export, List<HistoryRow> history);

        static native TemplateInstance purposes(List<Purpose> purposes, boolean canEdit);
    }

    private static final int PAGE = 100;

    @Inject
    CurrentUser me;

    @Inject
    PupilService pupils;

    @Inject
    ConsentService consents;

    @Inject
    RosterImportService imports;

    @Inject
    ConsentConfig config;

    @Inject
    PupilResource api;

    @GET
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("year") String year,
                                 @QueryParam("left") boolean left, @QueryParam("offset") @DefaultValue("0") int offset) {
        int from = Math.max(0, offset);
        List<Pupil> found = pupils.search(me.schoolId(), new PupilService.Search(q, year, left), from, PAGE + 1);
        boolean more = found.size() > PAGE;
        return Templates.list(more ? found.subList(0, PAGE) : found, q, year, left, pupils.yearGroups(me.schoolId()),
                canEdit(), from, more);
    }

    @GET
    @Path("/new")
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public TemplateInstance create() {
        return Templates.create();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response create(@FormParam("misId") String misId, @FormParam("firstName") String firstName,
                           @FormParam("surname") String surname, @FormParam("preferredName") String preferredName,
                           @FormParam("yearGroup") String yearGroup, @FormParam("className") String className,
                           @FormParam("onRollDate") String onRollDate, @FormParam("leavingDate") String leavingDate) {
        return Flash.attempt("/pupils/new", () -> {
            PupilDetails d = new PupilDetails(misId, firstName, surname, preferredName, yearGroup, className,
                    date(onRollDate), date(leavingDate));
            Pupil p = pupils.create(me.schoolId(), checkedLengths(d), "form");
            return Flash.redirect("/pupils/" + p.id, p.displayName() + " added to the roster.");
        });
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance detail(@PathParam("id") long id) {
        long school = me.schoolId();
        Pupil pupil = pupils.get(school, id);
        List<Purpose> purposes = consents.purposes(school);
        Map<String, ConsentRecord> current = consents.current(school, id);
        LocalDate today = consents.today(school);
        List<ConsentRow> rows = new ArrayList<>();
        for (Purpose p : purposes) {
            ConsentRecord c = current.get(p.code());
            rows.add(row(p, c, today));
        }
        Map<String, String> labels = consents.labels(school);
        List<HistoryRow> history = consents.history(school, id).stream()
                .map(v -> new HistoryRow(labels.getOrDefault(v.purpose, v.purpose), v)).toList();
        return Templates.detail(pupil, rows, history, purposes, canEdit(), today,
                new ConsentState[] {ConsentState.GRANTED, ConsentState.REFUSED}, GivenBy.values(), ConsentMethod.values(),
                NameAllowance.values());
    }

    private static ConsentRow row(Purpose p, ConsentRecord c, LocalDate today) {
        if (c == null) {
            return new ConsentRow(p.code(), p.label(), null, "No consent recorded", "sev-high", false);
        }
        boolean lapsed = c.state == ConsentState.GRANTED && c.expiresOn != null && c.expiresOn.isBefore(today);
        String status = lapsed ? "Expired" : c.state.label();
        String badge = c.state == ConsentState.GRANTED && !lapsed ? "sev-low" : "sev-high";
        return new ConsentRow(p.code(), p.label(), c, status, badge, c.state == ConsentState.GRANTED);
    }

    @POST
    @Path("/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @FormParam("misId") String misId,
                           @FormParam("firstName") String firstName, @FormParam("surname") String surname,
                           @FormParam("preferredName") String preferredName, @FormParam("yearGroup") String yearGroup,
                           @FormParam("className") String className, @FormParam("onRollDate") String onRollDate,
                           @FormParam("leavingDate") String leavingDate) {
        return Flash.attempt("/pupils/" + id, () -> {
            PupilDetails d = new PupilDetails(misId, firstName, surname, preferredName, yearGroup, className,
                    date(onRollDate), date(leavingDate));
            pupils.update(me.schoolId(), id, checkedLengths(d));
            return Flash.redirect("/pupils/" + id, "Saved.");
        });
    }

    @POST
    @Path("/{id: \\d+}/consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response record(@PathParam("id") long id, @FormParam("purpose") String purpose,
                           @FormParam("state") ConsentState state, @FormParam("givenBy") GivenBy givenBy,
                           @FormParam("givenByName") String givenByName, @FormParam("dateGiven") String dateGiven,
                           @FormParam("method") ConsentMethod method, @FormParam("evidenceRef") String evidenceRef,
                           @FormParam("nameAllowance") NameAllowance nameAllowance,
                           @FormParam("expiresOn") String expiresOn, @FormParam("note") String note) {
        return Flash.attempt("/pupils/" + id, () -> {
            if (purpose == null || state == null) {
                throw new BadRequestException("Choose the purpose and whether consent was given or refused");
            }
            consents.record(me.schoolId(), id, new NewConsent(purpose, state, givenBy, limit(givenByName, 200),
                    date(dateGiven), method, limit(evidenceRef, 200), nameAllowance, date(expiresOn), limit(note, 500)),
                    me.email(), "form");
            return Flash.redirect("/pupils/" + id, "Consent recorded as a new version.");
        });
    }

    @POST
    @Path("/{id: \\d+}/consents/{purpose}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response withdraw(@PathParam("id") long id, @PathParam("purpose") String purpose,
                             @FormParam("withdrawnBy") String withdrawnBy, @FormParam("method") ConsentMethod method,
                             @FormParam("note") String note) {
        return Flash.attempt("/pupils/" + id, () -> {
            consents.withdraw(me.schoolId(), id, purpose, new Withdrawal(limit(withdrawnBy, 200), method, limit(note, 500)),
                    me.email(), "form");
            return Flash.redirect("/pupils/" + id, "Consent withdrawn. Posts showing this pupil will be reviewed.");
        });
    }

    @GET
    @Path("/{id: \\d+}/export")
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance export(@PathParam("id") long id) {
        ConsentViews.SubjectAccessExport export = api.exportOf(id, "printable page");
        Map<String, String> labels = consents.labels(me.schoolId());
        List<HistoryRow> history = consents.history(me.schoolId(), id).stream()
                .map(v -> new HistoryRow(labels.getOrDefault(v.purpose, v.purpose), v)).toList();
        return Templates.export(export, history);
    }

    @GET
    @Path("/renewals")
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(hidden = true)
    public TemplateInstance renewals(@QueryParam("days") Integer days) {
        int window = days == null ? config.renewalDays() : Math.max(0, Math.min(days, 366));
        long school = me.schoolId();
        return Templates.renewals(consents.renewalsDue(school, consents.today(school), window), window);
    }

    @GET
    @Path("/purposes")
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(hidden = true)
    public TemplateInstance purposes() {
        return Templates.purposes(consents.purposes(me.schoolId()), canEdit());
    }

    @POST
    @Path("/purposes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response addPurpose(@FormParam("label") String label) {
        return Flash.attempt("/pupils/purposes", () -> {
            Purpose p = consents.addPurpose(me.schoolId(), label == null ? "" : label);
            return Flash.redirect("/pupils/purposes", p.label() + " added.");
        });
    }

    @GET
    @Path("/import")
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public TemplateInstance upload() {
        return Templates.upload(config.maxImportBytes() / (1024 * 1024));
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response upload(@RestForm("file") FileUpload file) {
        return Flash.attempt("/pupils/import", () -> {
            if (file == null || file.size() == 0 && (file.fileName() == null || file.fileName().isBlank())) {
                throw new BadRequestException("Choose a CSV file to upload");
            }
            PupilImport i = imports.upload(me.schoolId(), file.fileName(), PupilResource.bytesOf(file), me.email());
            return Response.seeOther(java.net.URI.create("/pupils/import/" + i.id)).build();
        });
    }

    @GET
    @Path("/import/{id: \\d+}")
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response preview(@PathParam("id") long id) {
        return Flash.attempt("/pupils/import", () -> {
            PupilImport upload = imports.get(me.schoolId(), id);
            return Response.ok(Templates.preview(upload, imports.preview(me.schoolId(), id))).build();
        });
    }

    @POST
    @Path("/import/{id: \\d+}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(hidden = true)
    public Response apply(@PathParam("id") long id) {
        try {
            ImportPlan plan = imports.apply(me.schoolId(), id, me.email());
            return Flash.redirect("/pupils", "Imported: " + plan.summary() + ".");
        } catch (RosterImportService.ImportRefused e) {
            return Flash.redirectWithError("/pupils/import/" + id, "Nothing was imported: the file has problems.");
        } catch (BadRequestException e) {
            return Flash.redirectWithError("/pupils/import", e.getMessage());
        }
    }

    private boolean canEdit() {
        return me.hasRole(Role.OFFICE_ROLE);
    }

    private static PupilDetails checkedLengths(PupilDetails d) {
        if (longer(d.misId(), 40) || longer(d.firstName(), 100) || longer(d.surname(), 100)
                || longer(d.preferredName(), 100) || longer(d.yearGroup(), 20) || longer(d.className(), 40)) {
            throw new BadRequestException("A field is too long (names 100, year group 20, class 40, MIS id 40 characters)");
        }
        return d;
    }

    private static boolean longer(String s, int max) {
        return s != null && s.strip().length() > max;
    }

    private static String limit(String s, int max) {
        if (longer(s, max)) {
            throw new BadRequestException("A field is longer than " + max + " characters");
        }
        return s;
    }

    private static LocalDate date(String text) {
        try {
            return Dates.parse(text).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
