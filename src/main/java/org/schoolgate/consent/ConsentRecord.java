package org.schoolgate.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * One version of a pupil's consent for one purpose. Never updated or deleted (Hibernate treats the
 * entity as immutable and a database trigger refuses changes): a change is a new row with the next
 * version number, so the history always shows what was recorded, when and by whom.
 */
@Entity
@Immutable
public class ConsentRecord extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long pupilId;

    /** A purpose code: facebook, instagram, website, press or one the school added. */
    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentState state;

    @Enumerated(EnumType.STRING)
    public GivenBy givenBy;

    /** Optional: the name of the parent or carer who signed. */
    public String givenByName;

    public LocalDate dateGiven;

    @Enumerated(EnumType.STRING)
    public ConsentMethod method;

    /** Where the proof is: form number, MIS record, parent-app message id. */
    public String evidenceRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NameAllowance nameAllowance = NameAllowance.NONE;

    /** Last day the consent covers (in school time); null means until withdrawn. */
    public LocalDate expiresOn;

    public Instant withdrawnAt;

    /** Who asked for the withdrawal ("mother", "the pupil"). */
    public String withdrawnBy;

    @Enumerated(EnumType.STRING)
    public ConsentMethod withdrawalMethod;

    public String note;

    @Column(nullable = false)
    public Instant recordedAt;

    /** The member of staff (e-mail) or "system" for the nightly job. */
    @Column(nullable = false)
    public String recordedBy;

    /** "manual", "api", "import #12", "nightly expiry", "demo". */
    @Column(nullable = false)
    public String source;

    /** A new version that starts as a copy of this one; the caller changes what changed. */
    ConsentRecord nextVersion(Instant at, String by, String source) {
        ConsentRecord n = new ConsentRecord();
        n.schoolId = schoolId;
        n.pupilId = pupilId;
        n.purpose = purpose;
        n.version = version + 1;
        n.state = state;
        n.givenBy = givenBy;
        n.givenByName = givenByName;
        n.dateGiven = dateGiven;
        n.method = method;
        n.evidenceRef = evidenceRef;
        n.nameAllowance = nameAllowance;
        n.expiresOn = expiresOn;
        n.withdrawnAt = withdrawnAt;
        n.withdrawnBy = withdrawnBy;
        n.withdrawalMethod = withdrawalMethod;
        n.recordedAt = at;
        n.recordedBy = by;
        n.source = source;
        return n;
    }

    ConsentCheck.ConsentFact fact() {
        return new ConsentCheck.ConsentFact(pupilId, purpose, state, nameAllowance, expiresOn, version);
    }
}
