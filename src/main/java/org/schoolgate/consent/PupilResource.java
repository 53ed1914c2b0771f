package org.schoolgate.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.staff.School;

/** Pupils, their consents, MIS import and the consent check. Office keeps them; the headteacher reads. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pupils and consent")
public class PupilResource {

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
    Clock clock;

    @Inject
    PupilAppearances appearances;

    @Inject
    jakarta.enterprise.event.Event<org.schoolgate.audit.AuditableEvent> events;

    @GET
    @Path("/pupils")
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(summary = "Search the roster by name or MIS id (pupils who left only with includeLeft=true)")
    public List<ConsentViews.PupilView> search(@QueryParam("q") String q, @QueryParam("year") String year,
                                               @QueryParam("includeLeft") boolean includeLeft,
                                               @QueryParam("offset") @DefaultValue("0") int offset,
                                               @QueryParam("limit") @DefaultValue("100") int limit) {
        return pupils.search(me.schoolId(), new PupilService.Search(q, year, includeLeft), Math.max(0, offset),
                Math.min(Math.max(1, limit), 1000)).stream().map(ConsentViews.PupilView::of).toList();
    }

    @POST
    @Path("/pupils")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Add a pupil to the roster")
    public Response create(@Valid @NotNull PupilDetails body) {
        Pupil p = pupils.create(me.schoolId(), body, "api");
        return Response.created(URI.create("/api/pupils/" + p.id)).entity(ConsentViews.PupilView.of(p)).build();
    }

    @GET
    @Path("/pupils/{id}")
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(summary = "A pupil and the current version of each consent")
    @Transactional
    public ConsentViews.PupilWithConsents get(@PathParam("id") long id) {
        Pupil p = pupils.get(me.schoolId(), id);
        return new ConsentViews.PupilWithConsents(ConsentViews.PupilView.of(p),
                consents.current(me.schoolId(), id).values().stream().map(ConsentViews.ConsentView::of).toList());
    }

    @PUT
    @Path("/pupils/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Change a pupil's roster details")
    public ConsentViews.PupilView update(@PathParam("id") long id, @Valid @NotNull PupilDetails body) {
        return ConsentViews.PupilView.of(pupils.update(me.schoolId(), id, body));
    }

    @GET
    @Path("/pupils/{id}/consents")
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(summary = "Every consent version of the pupil, oldest first per purpose")
    public List<ConsentViews.ConsentView> history(@PathParam("id") long id) {
        return consents.history(me.schoolId(), id).stream().map(ConsentViews.ConsentView::of).toList();
    }

    @POST
    @Path("/pupils/{id}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Record consent given or refused (a new version)")
    public Response record(@PathParam("id") long id, @Valid @NotNull NewConsent body) {
        ConsentRecord r = consents.record(me.schoolId(), id, body, me.email(), "api");
        return Response.created(URI.create("/api/pupils/" + id + "/consents")).entity(ConsentViews.ConsentView.of(r)).build();
    }

    @POST
    @Path("/pupils/{id}/consents/{purpose}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Withdraw a current consent (a new version)")
    public ConsentViews.ConsentView withdraw(@PathParam("id") long id, @PathParam("purpose") String purpose,
                                             @Valid @NotNull Withdrawal body) {
        return ConsentViews.ConsentView.of(consents.withdraw(me.schoolId(), id, purpose, body, me.email(), "api"));
    }

    @GET
    @Path("/pupils/{id}/export")
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(summary = "Subject-access export: the pupil and every consent version")
    @Transactional
    public ConsentViews.SubjectAccessExport export(@PathParam("id") long id) {
        return exportOf(id, "json");
    }

    @Transactional
    ConsentViews.SubjectAccessExport exportOf(long id, String format) {
        long school = me.schoolId();
        Pupil p = pupils.get(school, id);
        events.fire(new ConsentEvents.PupilExported(school, id, format));
        return new ConsentViews.SubjectAccessExport(((School) School.findById(school)).name, Instant.now(clock), me.email(),
                ConsentViews.PupilView.of(p), consents.history(school, id).stream().map(ConsentViews.ConsentView::of).toList(),
                appearances.of(school, id), !appearances.recorded()
                        ? "Posts are not recorded by this installation."
                        : "Every post showing the pupil (tagged on one of its pictures), published or not.");
    }

    @GET
    @Path("/pupils/renewals")
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(summary = "Granted consents whose last day falls within the next days (default from configuration)")
    public List<ConsentService.Renewal> renewals(@QueryParam("days") Integer days) {
        long school = me.schoolId();
        return consents.renewalsDue(school, consents.today(school), days == null ? config.renewalDays() : Math.max(0, days));
    }

    /**
     * The file is the request body (text/csv), not a multipart form: an HTML form on another site
     * cannot send that content type, so the API needs no CSRF token (the upload page has one).
     */
    @POST
    @Path("/pupils/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Upload an MIS CSV export as the body and preview it (dry run: nothing changes)")
    public ConsentViews.ImportView upload(@QueryParam("fileName") String fileName, byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequestException("Send the CSV file as the request body (Content-Type: text/csv)");
        }
        PupilImport i = imports.upload(me.schoolId(), fileName, body, me.email());
        return ConsentViews.ImportView.of(i, imports.preview(me.schoolId(), i.id));
    }

    @POST
    @Path("/pupils/import/{id}/apply")
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Apply a previewed import: all of it, or nothing with a per-line report (400)")
    public Response apply(@PathParam("id") long id) {
        PupilImport i = imports.get(me.schoolId(), id);
        try {
            ImportPlan plan = imports.apply(me.schoolId(), id, me.email());
            return Response.ok(ConsentViews.ImportView.of(i, plan)).build();
        } catch (RosterImportService.ImportRefused refused) {
            return Response.status(400).entity(ConsentViews.ImportView.of(i, refused.plan)).build();
        }
    }

    @GET
    @Path("/consent/purposes")
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(summary = "Channels and purposes that need consent: built-in and the school's own")
    public List<Purpose> purposes() {
        return consents.purposes(me.schoolId());
    }

    @POST
    @Path("/consent/purposes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OFFICE_ROLE)
    @Operation(summary = "Add a purpose of the school's own")
    public Response addPurpose(@Valid @NotNull ConsentViews.NewPurpose body) {
        return Response.status(201).entity(consents.addPurpose(me.schoolId(), body.label())).build();
    }

    @POST
    @Path("/consent/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICE_ROLE, Role.HEADTEACHER_ROLE})
    @Operation(summary = "May these pupils appear on these channels at this instant (default now)?")
    public ConsentDecision check(@NotNull ConsentViews.CheckRequest body) {
        if (body.pupilIds() == null || body.purposes() == null) {
            throw new BadRequestException("Send pupilIds and purposes");
        }
        return consents.check(me.schoolId(), body.pupilIds(), body.purposes(), body.at() == null ? Instant.now(clock) : body.at());
    }

    static byte[] bytesOf(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw new BadRequestException("Choose a CSV file to upload");
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
