package org.schoolgate.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the consent feature's API. */
public final class ConsentViews {

    private ConsentViews() {
    }

    public record PupilView(long id, String misId, String firstName, String surname, String preferredName,
                            String yearGroup, String className, LocalDate onRollDate, LocalDate leavingDate,
                            boolean offRoll) {
        static PupilView of(Pupil p) {
            return new PupilView(p.id, p.misId, p.firstName, p.surname, p.preferredName, p.yearGroup, p.className,
                    p.onRollDate, p.leavingDate, p.offRoll);
        }
    }

    public record ConsentView(String purpose, int version, ConsentState state, GivenBy givenBy, String givenByName,
                              LocalDate dateGiven, ConsentMethod method, String evidenceRef,
                              NameAllowance nameAllowance, LocalDate expiresOn, Instant withdrawnAt,
                              String withdrawnBy, ConsentMethod withdrawalMethod, String note, Instant recordedAt,
                              String recordedBy, String source) {
        static ConsentView of(ConsentRecord c) {
            return new ConsentView(c.purpose, c.version, c.state, c.givenBy, c.givenByName, c.dateGiven, c.method,
                    c.evidenceRef, c.nameAllowance, c.expiresOn, c.withdrawnAt, c.withdrawnBy, c.withdrawalMethod,
                    c.note, c.recordedAt, c.recordedBy, c.source);
        }
    }

    public record PupilWithConsents(PupilView pupil, List<ConsentView> consents) {
    }

    /** Subject-access export: the roster entry and every consent version ever recorded. */
    public record SubjectAccessExport(String school, Instant generatedAt, String generatedBy, PupilView pupil,
                                      List<ConsentView> consentVersions,
                                      List<PupilAppearances.Appearance> posts, String postsNote) {
    }

    public record ImportView(long importId, String fileName, boolean valid, String encoding, int rows, long added,
                             long changed, long unchanged, long consentVersions, List<String> columns,
                             List<String> ignoredColumns, List<String> problems, int moreProblems, List<String> notes,
                             List<ImportRowView> pupils) {
        static ImportView of(PupilImport i, ImportPlan p) {
            return new ImportView(i.id, i.fileName, p.valid(), p.encoding(), p.rows(), p.added(), p.changed(),
                    p.unchanged(), p.consentVersions(), p.columns(), p.ignoredColumns(),
                    p.problems().stream().map(ImportPlan.LineProblem::words).toList(), p.moreProblems(), p.notes(),
                    p.changesFirst().stream().map(ImportRowView::of).toList());
        }
    }

    public record ImportRowView(int line, String misId, ImportPlan.Change change, String name, String pupilChange,
                                List<String> consentChanges) {
        static ImportRowView of(ImportPlan.PupilRow r) {
            return new ImportRowView(r.line(), r.misId(), r.change(), r.name(), r.pupilChange(),
                    r.consentChanges().stream().map(ImportPlan.ConsentChange::words).toList());
        }
    }

    public record CheckRequest(List<Long> pupilIds, List<String> purposes, Instant at) {
    }

    public record NewPurpose(@jakarta.validation.constraints.NotBlank(message = "Name the purpose") String label) {
    }
}
