package org.schoolgate.consent;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.staff.School;

/** The roster: every method takes the school explicitly; a pupil of another school is "not found". */
@ApplicationScoped
public class PupilService {

    public record Search(String text, String yearGroup, boolean includeLeft) {
    }

    @Inject
    Clock clock;

    @Inject
    Event<AuditableEvent> events;

    @Transactional
    public List<Pupil> search(long schoolId, Search s, int offset, int limit) {
        StringBuilder q = new StringBuilder("schoolId = :school");
        Parameters p = Parameters.with("school", schoolId);
        if (s.text() != null && !s.text().isBlank()) {
            q.append(" and (lower(firstName) like :t or lower(surname) like :t or lower(preferredName) like :t"
                    + " or lower(concat(firstName, ' ', surname)) like :t or lower(concat(preferredName, ' ', surname)) like :t"
                    + " or lower(misId) = :exact)");
            String t = s.text().strip().toLowerCase(Locale.ROOT);
            p.and("t", "%" + t.replace("%", "").replace("_", "") + "%").and("exact", t);
        }
        if (s.yearGroup() != null && !s.yearGroup().isBlank()) {
            q.append(" and yearGroup = :year");
            p.and("year", s.yearGroup().strip());
        }
        if (!s.includeLeft()) {
            q.append(" and offRoll = false");
        }
        q.append(" order by surname, firstName, id");
        return Pupil.<Pupil>find(q.toString(), p).range(offset, offset + limit - 1).list();
    }

    @Transactional
    public List<String> yearGroups(long schoolId) {
        return Pupil.getEntityManager().createQuery(
                        "select distinct yearGroup from Pupil where schoolId = :s and yearGroup is not null order by yearGroup",
                        String.class).setParameter("s", schoolId).getResultList();
    }

    /** The pupil if it belongs to the school, else 404: other schools' pupils do not exist for the caller. */
    @Transactional
    public Pupil get(long schoolId, long pupilId) {
        Pupil p = Pupil.findById(pupilId);
        if (p == null || p.schoolId != schoolId) {
            throw new NotFoundException("No such pupil");
        }
        return p;
    }

    @Transactional
    public Pupil create(long schoolId, PupilDetails form, String source) {
        PupilDetails d = valid(form);
        if (Pupil.count("schoolId = ?1 and misId = ?2", schoolId, d.misId()) > 0) {
            throw new BadRequestException("A pupil with MIS id " + d.misId() + " is already on the roster");
        }
        Pupil p = new Pupil();
        p.schoolId = schoolId;
        p.createdAt = Instant.now(clock);
        apply(p, d, today(schoolId), false);
        p.persist();
        events.fire(new ConsentEvents.PupilAdded(schoolId, p.id, p.misId, source));
        if (p.offRoll) {
            events.fire(new ConsentEvents.PupilLeft(schoolId, p.id, p.leavingDate));
        }
        return p;
    }

    @Transactional
    public Pupil update(long schoolId, long pupilId, PupilDetails form) {
        Pupil p = get(schoolId, pupilId);
        PupilDetails d = valid(form);
        if (!d.misId().equals(p.misId) && Pupil.count("schoolId = ?1 and misId = ?2", schoolId, d.misId()) > 0) {
            throw new BadRequestException("Another pupil already has MIS id " + d.misId());
        }
        PupilDetails before = p.details().normalised();
        String change = (d.misId().equals(before.misId()) ? "" : "MIS id " + before.misId() + " → " + d.misId() + ", ")
                + d.changesFrom(before);
        if (change.isEmpty()) {
            return p;
        }
        boolean wasOff = p.offRoll;
        apply(p, d, today(schoolId), true);
        events.fire(new ConsentEvents.PupilChanged(schoolId, p.id, change));
        if (!wasOff && p.offRoll) {
            events.fire(new ConsentEvents.PupilLeft(schoolId, p.id, p.leavingDate));
        }
        return p;
    }

    /** Sets the roster fields; off roll follows the leaving date (the leaving day itself is still on roll). */
    void apply(Pupil p, PupilDetails d, LocalDate today, boolean touch) {
        p.misId = d.misId();
        p.firstName = d.firstName();
        p.surname = d.surname();
        p.preferredName = d.preferredName();
        p.yearGroup = d.yearGroup();
        p.className = d.className();
        p.onRollDate = d.onRollDate();
        p.leavingDate = d.leavingDate();
        p.offRoll = isPast(d.leavingDate(), today);
        p.updatedAt = Instant.now(clock);
        if (!touch) {
            p.createdAt = p.createdAt == null ? p.updatedAt : p.createdAt;
        }
    }

    static boolean isPast(LocalDate lastDay, LocalDate today) {
        return lastDay != null && lastDay.isBefore(today);
    }

    /** Nightly: pupils whose leaving date has passed (in the school's zone) go off roll. */
    @Transactional
    public int markLeavers(long schoolId, LocalDate today) {
        List<Pupil> leavers = Pupil.list("schoolId = ?1 and offRoll = false and leavingDate < ?2", schoolId, today);
        for (Pupil p : leavers) {
            p.offRoll = true;
            p.updatedAt = Instant.now(clock);
            events.fire(new ConsentEvents.PupilLeft(schoolId, p.id, p.leavingDate));
        }
        return leavers.size();
    }

    LocalDate today(long schoolId) {
        School school = School.findById(schoolId);
        return LocalDate.now(clock.withZone(school.zone()));
    }

    static PupilDetails valid(PupilDetails form) {
        PupilDetails d = form.normalised();
        if (d.misId() == null || d.firstName() == null || d.surname() == null) {
            throw new BadRequestException("Enter the MIS id, first name and surname");
        }
        if (d.onRollDate() != null && d.leavingDate() != null && d.leavingDate().isBefore(d.onRollDate())) {
            throw new BadRequestException("The leaving date is before the on-roll date");
        }
        return d;
    }
}
