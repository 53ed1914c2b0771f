package org.schoolgate.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A pupil on the school's roll: only the fields SPEC §2.3 lists (data minimisation). No date of
 * birth, address or contact details, on purpose.
 */
@Entity
public class Pupil extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    /** The pupil's id in the school's MIS (admission number, UPN or Arbor id): the import key. */
    @Column(nullable = false)
    public String misId;

    @Column(nullable = false)
    public String firstName;

    @Column(nullable = false)
    public String surname;

    public String preferredName;

    public String yearGroup;

    public String className;

    public LocalDate onRollDate;

    /** The last day on roll; the nightly job marks the pupil off roll after it. */
    public LocalDate leavingDate;

    @Column(nullable = false)
    public boolean offRoll;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The name people use: preferred first name if the MIS has one, then the surname. */
    public String displayName() {
        return knownAs() + " " + surname;
    }

    public String knownAs() {
        return preferredName == null || preferredName.isBlank() ? firstName : preferredName;
    }

    public PupilDetails details() {
        return new PupilDetails(misId, firstName, surname, preferredName, yearGroup, className, onRollDate, leavingDate);
    }
}
