package org.schoolgate.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Objects;

/** The roster fields of a pupil, as typed by the office, sent to the API or read from an MIS file. */
public record PupilDetails(
        @NotBlank(message = "Enter the MIS id") @Size(max = 40, message = "The MIS id is at most 40 characters") String misId,
        @NotBlank(message = "Enter the first name") @Size(max = 100, message = "The first name is at most 100 characters") String firstName,
        @NotBlank(message = "Enter the surname") @Size(max = 100, message = "The surname is at most 100 characters") String surname,
        @Size(max = 100, message = "The preferred name is at most 100 characters") String preferredName,
        @Size(max = 20, message = "The year group is at most 20 characters") String yearGroup,
        @Size(max = 40, message = "The class is at most 40 characters") String className,
        LocalDate onRollDate,
        LocalDate leavingDate) {

    /** Trims text and turns blanks into nulls, so that "" and null compare equal on re-import. */
    public PupilDetails normalised() {
        return new PupilDetails(trim(misId), trim(firstName), trim(surname), trim(preferredName), trim(yearGroup),
                trim(className), onRollDate, leavingDate);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What differs from {@code other}, in words ("surname Smith → Smyth"); empty when nothing does. */
    public String changesFrom(PupilDetails other) {
        StringBuilder b = new StringBuilder();
        diff(b, "first name", other.firstName, firstName);
        diff(b, "surname", other.surname, surname);
        diff(b, "preferred name", other.preferredName, preferredName);
        diff(b, "year group", other.yearGroup, yearGroup);
        diff(b, "class", other.className, className);
        diff(b, "on roll", other.onRollDate, onRollDate);
        diff(b, "leaving date", other.leavingDate, leavingDate);
        return b.toString();
    }

    private static void diff(StringBuilder b, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(label).append(' ').append(before == null ? "(none)" : before).append(" → ")
                    .append(after == null ? "(none)" : after);
        }
    }
}
