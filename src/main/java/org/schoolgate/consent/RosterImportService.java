package org.schoolgate.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.staff.School;

/**
 * MIS import: upload keeps the file, preview plans it against the roster as it is now, apply plans
 * it again and writes it in one transaction, or refuses it whole. Re-applying the same file finds
 * nothing to change.
 */
@ApplicationScoped
public class RosterImportService {

    /** The file was refused: nothing changed; the plan carries the per-line report. */
    public static class ImportRefused extends BadRequestException {
        public final transient ImportPlan plan;

        ImportRefused(ImportPlan plan) {
            super("The file was not imported: " + plan.problems().stream().limit(5).map(ImportPlan.LineProblem::words)
                    .collect(Collectors.joining(" ")) + (plan.problems().size() > 5 ? " …" : ""));
            this.plan = plan;
        }
    }

    private static final int BATCH = 200;

    private record Snapshot(Map<String, RosterImport.Existing> existing, Map<String, Pupil> pupils) {
    }

    @Inject
    Clock clock;

    @Inject
    Event<AuditableEvent> events;

    @Inject
    ConsentService consents;

    @Inject
    PupilService pupils;

    @Inject
    ConsentConfig config;

    @Transactional
    public PupilImport upload(long schoolId, String fileName, byte[] content, String actor) {
        if (content.length > config.maxImportBytes()) {
            throw new BadRequestException("The file is larger than " + config.maxImportBytes() / (1024 * 1024)
                    + " MB; export only the columns Schoolgate needs.");
        }
        PupilImport i = new PupilImport();
        i.schoolId = schoolId;
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        i.fileName = name.length() > 255 ? name.substring(0, 255) : name;
        i.sha256 = sha256(content);
        i.content = content;
        i.uploadedBy = actor;
        i.uploadedAt = Instant.now(clock);
        i.persist();
        return i;
    }

    @Transactional
    public PupilImport get(long schoolId, long importId) {
        PupilImport i = PupilImport.findById(importId);
        if (i == null || i.schoolId != schoolId) {
            throw new NotFoundException("No such import");
        }
        return i;
    }

    /** What applying would do now; changes nothing. */
    @Transactional
    public ImportPlan preview(long schoolId, long importId) {
        PupilImport i = pending(schoolId, importId);
        return planner(schoolId, snapshot(schoolId)).plan(i.content);
    }

    /** Plans the file again (the roster may have changed since the preview) and writes it, or refuses it whole. */
    @Transactional
    public ImportPlan apply(long schoolId, long importId, String actor) {
        PupilImport upload = pending(schoolId, importId);
        Snapshot snapshot = snapshot(schoolId);
        ImportPlan plan = planner(schoolId, snapshot).plan(upload.content);
        if (!plan.valid()) {
            throw new ImportRefused(plan);
        }
        write(schoolId, upload, plan, snapshot, actor);
        upload.appliedAt = Instant.now(clock);
        upload.content = null;
        upload.summary = plan.summary();
        events.fire(new ConsentEvents.PupilsImported(schoolId, upload.id, upload.fileName, upload.sha256,
                plan.summary() + misIds(plan, ImportPlan.Change.ADDED, "added") + misIds(plan, ImportPlan.Change.CHANGED, "changed")));
        return plan;
    }

    /** Drops the content of uploads never applied after a day: the roster data should not linger. */
    @Transactional
    public int purgeStaleUploads(long schoolId, Instant before) {
        return (int) PupilImport.update("content = null where schoolId = ?1 and appliedAt is null and content is not null"
                + " and uploadedAt < ?2", schoolId, before);
    }

    private PupilImport pending(long schoolId, long importId) {
        PupilImport i = get(schoolId, importId);
        if (i.appliedAt != null) {
            throw new BadRequestException("This file was already imported (" + i.summary + "). Upload it again to re-check it.");
        }
        if (i.content == null) {
            throw new BadRequestException("This upload has expired. Upload the file again.");
        }
        return i;
    }

    /**
     * Pupils first, then consent versions, with JDBC batching for this session only: a school's
     * whole roster (2,000 pupils × 4 purposes) is written in a few round trips, not 10,000.
     */
    private void write(long schoolId, PupilImport upload, ImportPlan plan, Snapshot snapshot, String actor) {
        Pupil.getSession().setJdbcBatchSize(BATCH);
        LocalDate today = pupils.today(schoolId);
        Instant now = Instant.now(clock);
        String source = "import #" + upload.id;
        Map<String, Pupil> written = new HashMap<>();
        for (ImportPlan.PupilRow row : plan.pupils()) {
            if (row.change() == ImportPlan.Change.UNCHANGED) {
                continue;
            }
            Pupil p = snapshot.pupils().get(row.misId());
            boolean wasOff = p != null && p.offRoll;
            if (p == null) {
                p = new Pupil();
                p.schoolId = schoolId;
                pupils.apply(p, row.details(), today, false);
                p.persist();
            } else if (!row.pupilChange().isEmpty()) {
                pupils.apply(p, row.details(), today, true);
            }
            if (!wasOff && p.offRoll) {
                events.fire(new ConsentEvents.PupilLeft(schoolId, p.id, p.leavingDate));
            }
            written.put(row.misId(), p);
        }
        Pupil.flush();
        for (ImportPlan.PupilRow row : plan.pupils()) {
            RosterImport.Existing existing = snapshot.existing().get(row.misId());
            for (ImportPlan.ConsentChange c : row.consentChanges()) {
                ConsentRecord current = existing == null ? null : existing.consents().get(c.purpose());
                if (c.action() == ImportPlan.Action.WITHDRAW) {
                    consents.withdrawVersion(current, now, "MIS import", ConsentMethod.MIS,
                            "The MIS export " + upload.fileName + " says no", actor, source);
                } else {
                    recordVersion(schoolId, written.get(row.misId()).id, c, current, now, actor, source);
                }
            }
        }
        Pupil.flush();
    }

    private static void recordVersion(long schoolId, long pupilId, ImportPlan.ConsentChange c, ConsentRecord current,
                                      Instant now, String actor, String source) {
        ConsentTerms t = c.terms();
        ConsentRecord r = new ConsentRecord();
        r.schoolId = schoolId;
        r.pupilId = pupilId;
        r.purpose = c.purpose();
        r.version = current == null ? 1 : current.version + 1;
        r.state = t.state();
        r.givenBy = t.givenBy();
        r.givenByName = t.givenByName();
        r.dateGiven = t.dateGiven();
        r.method = t.method();
        r.evidenceRef = t.evidenceRef();
        r.nameAllowance = t.nameAllowance();
        r.expiresOn = t.expiresOn();
        r.recordedAt = now;
        r.recordedBy = actor;
        r.source = source;
        r.persist();
    }

    private Snapshot snapshot(long schoolId) {
        Map<Long, Map<String, ConsentRecord>> byPupil = new HashMap<>();
        for (ConsentRecord c : consents.currentOf(schoolId, null)) {
            byPupil.computeIfAbsent(c.pupilId, k -> new HashMap<>()).put(c.purpose, c);
        }
        Map<String, RosterImport.Existing> existing = new HashMap<>();
        Map<String, Pupil> byMisId = new HashMap<>();
        for (Pupil p : Pupil.<Pupil>list("schoolId", schoolId)) {
            byMisId.put(p.misId, p);
            existing.put(p.misId, new RosterImport.Existing(p.id, p.details(), byPupil.getOrDefault(p.id, Map.of())));
        }
        return new Snapshot(existing, byMisId);
    }

    private RosterImport planner(long schoolId, Snapshot snapshot) {
        School school = School.findById(schoolId);
        List<Purpose> purposes = consents.purposes(schoolId);
        return new RosterImport(purposes, snapshot.existing(), pupils.today(schoolId), school.zone(),
                config.maxReportedProblems());
    }

    private static String misIds(ImportPlan plan, ImportPlan.Change change, String label) {
        List<String> ids = plan.pupils().stream().filter(p -> p.change() == change).map(ImportPlan.PupilRow::misId).toList();
        return ids.isEmpty() ? "" : "; " + label + ": " + String.join(", ", ids);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
