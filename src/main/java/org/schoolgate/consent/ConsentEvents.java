package org.schoolgate.consent;

import java.time.Instant;
import java.time.LocalDate;
import org.schoolgate.audit.AuditableEvent;

/**
 * Past-tense events of the consent feature; each is written to the audit trail. Posts' retro-sweep
 * observes {@link ConsentWithdrawn}, {@link ConsentExpired} and {@link PupilLeft} (SPEC §2.3).
 */
public final class ConsentEvents {

    private ConsentEvents() {
    }

    public record PupilAdded(Long schoolId, long pupilId, String misId, String source) implements AuditableEvent {
        public String action() { return "pupil.added"; }
        public String subjectType() { return "pupil"; }
        public String subjectId() { return Long.toString(pupilId); }
        public String details() { return "MIS id " + misId + " (" + source + ")"; }
    }

    public record PupilChanged(Long schoolId, long pupilId, String change) implements AuditableEvent {
        public String action() { return "pupil.changed"; }
        public String subjectType() { return "pupil"; }
        public String subjectId() { return Long.toString(pupilId); }
        public String details() { return change; }
    }

    /** The pupil went off roll: past their leaving date. */
    public record PupilLeft(Long schoolId, long pupilId, LocalDate leavingDate) implements AuditableEvent {
        public String action() { return "pupil.left"; }
        public String subjectType() { return "pupil"; }
        public String subjectId() { return Long.toString(pupilId); }
        public String details() { return "off roll after " + leavingDate; }
    }

    /** A new consent version was recorded (given, refused, or details corrected). */
    public record ConsentRecorded(Long schoolId, long pupilId, String purpose, int version, ConsentState state,
                                  String summary) implements AuditableEvent {
        public String action() { return "consent.recorded"; }
        public String subjectType() { return "pupil"; }
        public String subjectId() { return Long.toString(pupilId); }
        public String details() { return purpose + " v" + version + " " + state.label() + ": " + summary; }
    }

    public record ConsentWithdrawn(Long schoolId, long pupilId, String purpose, int version, Instant withdrawnAt,
                                   String withdrawnBy, ConsentMethod method) implements AuditableEvent {
        public String action() { return "consent.withdrawn"; }
        public String subjectType() { return "pupil"; }
        public String subjectId() { return Long.toString(pupilId); }
        public String details() {
            return purpose + " v" + version + " withdrawn at " + withdrawnAt + " by " + withdrawnBy
                    + (method == null ? "" : " (" + method.label() + ")");
        }
    }

    public record ConsentExpired(Long schoolId, long pupilId, String purpose, int version, LocalDate lastDay)
            implements AuditableEvent {
        public String action() { return "consent.expired"; }
        public String subjectType() { return "pupil"; }
        public String subjectId() { return Long.toString(pupilId); }
        public String details() { return purpose + " v" + version + " expired after " + lastDay; }
        public String actor() { return "system"; }
    }

    public record PurposeAdded(Long schoolId, String code, String label) implements AuditableEvent {
        public String action() { return "consent.purpose-added"; }
        public String subjectType() { return "consent-purpose"; }
        public String subjectId() { return code; }
        public String details() { return label; }
    }

    /** One event per applied file: its hash, counts and the MIS ids it added or changed. */
    public record PupilsImported(Long schoolId, long importId, String fileName, String sha256, String summary)
            implements AuditableEvent {
        public String action() { return "pupil.imported"; }
        public String subjectType() { return "pupil-import"; }
        public String subjectId() { return Long.toString(importId); }
        public String details() { return fileName + " sha256 " + sha256 + ": " + summary; }
    }

    /** A subject-access export was produced: reading personal data in bulk is on record too. */
    public record PupilExported(Long schoolId, long pupilId, String format) implements AuditableEvent {
        public String action() { return "pupil.exported"; }
        public String subjectType() { return "pupil"; }
        public String subjectId() { return Long.toString(pupilId); }
        public String details() { return "subject-access export as " + format; }
    }
}
