package org.schoolgate.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.staff.School;

/**
 * Consent records and the check posts call. Every change appends a version; nothing here updates
 * or deletes a {@link ConsentRecord}.
 */
@ApplicationScoped
public class ConsentService {

    /** A consent due for renewal: the pupil, the purpose and the last day it covers. */
    public record Renewal(long pupilId, String pupilName, String yearGroup, String purpose, String purposeLabel,
                          LocalDate lastDay) {
    }

    @Inject
    Clock clock;

    @Inject
    Event<AuditableEvent> events;

    @Inject
    PupilService pupils;

    /**
     * The one thing posts call: may these pupils appear on these channels/purposes at this instant?
     * Pupil ids of another school are refused as unknown; the school's own time zone decides expiry.
     */
    @Transactional
    public ConsentDecision check(long schoolId, Collection<Long> pupilIds, Collection<String> purposes, Instant at) {
        School school = School.findById(schoolId);
        if (school == null) {
            throw new NotFoundException("No such school");
        }
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(pupilIds));
        List<ConsentCheck.PupilFact> facts = ids.isEmpty() ? List.of()
                : Pupil.<Pupil>list("schoolId = ?1 and id in ?2", schoolId, ids).stream().map(ConsentCheck.PupilFact::of).toList();
        List<ConsentCheck.ConsentFact> consents = currentOf(schoolId, ids).stream().map(ConsentRecord::fact).toList();
        return new ConsentCheck(facts, consents, labels(schoolId))
                .decide(new ConsentCheck.Question(ids, List.copyOf(purposes), at, school.zone()));
    }

    /** Built-in purposes first, then the school's own, alphabetically. */
    @Transactional
    public List<Purpose> purposes(long schoolId) {
        List<Purpose> all = new ArrayList<>(Purpose.BUILT_IN);
        ConsentPurpose.<ConsentPurpose>list("schoolId = ?1 order by label", schoolId)
                .forEach(p -> all.add(new Purpose(p.code, p.label, false)));
        return all;
    }

    public Map<String, String> labels(long schoolId) {
        return purposes(schoolId).stream().collect(Collectors.toMap(Purpose::code, Purpose::label, (a, b) -> a,
                LinkedHashMap::new));
    }

    @Transactional
    public Purpose addPurpose(long schoolId, String label) {
        String code = Purpose.codeOf(label);
        if (code.isEmpty() || label.strip().length() > 100 || code.length() > 40) {
            throw new BadRequestException("Name the purpose in letters or digits (at most 40 characters)");
        }
        if (labels(schoolId).containsKey(code)) {
            throw new BadRequestException("The purpose " + code + " already exists");
        }
        ConsentPurpose p = new ConsentPurpose();
        p.schoolId = schoolId;
        p.code = code;
        p.label = label.strip();
        p.createdAt = Instant.now(clock);
        p.persist();
        events.fire(new ConsentEvents.PurposeAdded(schoolId, code, p.label));
        return new Purpose(code, p.label, false);
    }

    /** The newest version per purpose of these pupils (all the school's pupils when ids is null). */
    @Transactional
    public List<ConsentRecord> currentOf(long schoolId, Collection<Long> pupilIds) {
        if (pupilIds != null && pupilIds.isEmpty()) {
            return List.of();
        }
        String q = "from ConsentRecord c where c.schoolId = ?1"
                + (pupilIds == null ? "" : " and c.pupilId in ?2")
                + " and c.version = (select max(c2.version) from ConsentRecord c2"
                + " where c2.pupilId = c.pupilId and c2.purpose = c.purpose) order by c.pupilId, c.purpose";
        return pupilIds == null ? ConsentRecord.list(q, schoolId) : ConsentRecord.list(q, schoolId, pupilIds);
    }

    /** Current consents of one pupil by purpose code. */
    @Transactional
    public Map<String, ConsentRecord> current(long schoolId, long pupilId) {
        pupils.get(schoolId, pupilId);
        Map<String, ConsentRecord> byPurpose = new LinkedHashMap<>();
        currentOf(schoolId, List.of(pupilId)).forEach(c -> byPurpose.put(c.purpose, c));
        return byPurpose;
    }

    /** Every version ever recorded for the pupil, oldest first per purpose. */
    @Transactional
    public List<ConsentRecord> history(long schoolId, long pupilId) {
        pupils.get(schoolId, pupilId);
        return ConsentRecord.list("schoolId = ?1 and pupilId = ?2 order by purpose, version", schoolId, pupilId);
    }

    /** Records consent given or refused as a new version (a correction is a new version too). */
    @Transactional
    public ConsentRecord record(long schoolId, long pupilId, NewConsent form, String actor, String source) {
        Pupil pupil = pupils.get(schoolId, pupilId);
        String purpose = Purpose.codeOf(form.purpose());
        if (!labels(schoolId).containsKey(purpose)) {
            throw new BadRequestException("Unknown channel or purpose '" + form.purpose() + "'");
        }
        if (form.state() != ConsentState.GRANTED && form.state() != ConsentState.REFUSED) {
            throw new BadRequestException("Record consent as given or refused; use withdraw to withdraw it");
        }
        LocalDate today = pupils.today(schoolId);
        if (form.state() == ConsentState.GRANTED) {
            if (form.dateGiven() == null || form.method() == null || form.givenBy() == null) {
                throw new BadRequestException("Consent needs who gave it, the date and how (SPEC: written consent)");
            }
        }
        if (form.dateGiven() != null && form.dateGiven().isAfter(today)) {
            throw new BadRequestException("The date given is in the future");
        }
        if (form.expiresOn() != null && form.dateGiven() != null && form.expiresOn().isBefore(form.dateGiven())) {
            throw new BadRequestException("The consent expires before it was given");
        }
        ConsentRecord previous = currentOf(schoolId, List.of(pupilId)).stream().filter(c -> c.purpose.equals(purpose))
                .findFirst().orElse(null);
        ConsentRecord r = new ConsentRecord();
        r.schoolId = schoolId;
        r.pupilId = pupil.id;
        r.purpose = purpose;
        r.version = previous == null ? 1 : previous.version + 1;
        r.state = form.state();
        r.givenBy = form.givenBy();
        r.givenByName = blankToNull(form.givenByName());
        r.dateGiven = form.dateGiven();
        r.method = form.method();
        r.evidenceRef = blankToNull(form.evidenceRef());
        r.nameAllowance = form.state() == ConsentState.GRANTED && form.nameAllowance() != null
                ? form.nameAllowance() : NameAllowance.NONE;
        r.expiresOn = form.expiresOn();
        r.note = blankToNull(form.note());
        r.recordedAt = Instant.now(clock);
        r.recordedBy = actor;
        r.source = source;
        r.persist();
        events.fire(new ConsentEvents.ConsentRecorded(schoolId, pupilId, purpose, r.version, r.state, describe(r)));
        return r;
    }

    /** Withdraws a current consent: a new WITHDRAWN version, effective now; fires ConsentWithdrawn. */
    @Transactional
    public ConsentRecord withdraw(long schoolId, long pupilId, String purpose, Withdrawal w, String actor, String source) {
        pupils.get(schoolId, pupilId);
        if (w.withdrawnBy() == null || w.withdrawnBy().isBlank() || w.method() == null) {
            throw new BadRequestException("Say who withdrew consent and how");
        }
        ConsentRecord current = current(schoolId, pupilId).get(purpose);
        if (current == null || current.state != ConsentState.GRANTED) {
            throw new BadRequestException("There is no current " + labels(schoolId).getOrDefault(purpose, purpose)
                    + " consent to withdraw");
        }
        return withdrawVersion(current, Instant.now(clock), w.withdrawnBy().strip(), w.method(), blankToNull(w.note()),
                actor, source);
    }

    ConsentRecord withdrawVersion(ConsentRecord current, Instant at, String by, ConsentMethod how, String note,
                                  String actor, String source) {
        ConsentRecord r = current.nextVersion(at, actor, source);
        r.state = ConsentState.WITHDRAWN;
        r.withdrawnAt = at;
        r.withdrawnBy = by;
        r.withdrawalMethod = how;
        r.note = note;
        r.persist();
        events.fire(new ConsentEvents.ConsentWithdrawn(r.schoolId, r.pupilId, r.purpose, r.version, at, by, how));
        return r;
    }

    /** Nightly: every granted consent whose last day is before today (school time) gets an EXPIRED version. */
    @Transactional
    public int expireDue(long schoolId, LocalDate today) {
        List<ConsentRecord> due = currentOf(schoolId, null).stream()
                .filter(c -> c.state == ConsentState.GRANTED && c.expiresOn != null && c.expiresOn.isBefore(today))
                .toList();
        Instant now = Instant.now(clock);
        for (ConsentRecord c : due) {
            ConsentRecord r = c.nextVersion(now, "system", "nightly expiry");
            r.state = ConsentState.EXPIRED;
            r.note = "Expired: last day was " + Dates.words(c.expiresOn);
            r.persist();
            events.fire(new ConsentEvents.ConsentExpired(schoolId, r.pupilId, r.purpose, r.version, c.expiresOn));
        }
        return due.size();
    }

    /** Granted consents of pupils on roll whose last day falls within the next {@code days} days. */
    @Transactional
    public List<Renewal> renewalsDue(long schoolId, LocalDate today, int days) {
        LocalDate until = today.plusDays(days);
        Map<String, String> labels = labels(schoolId);
        Map<Long, Pupil> onRoll = Pupil.<Pupil>list("schoolId = ?1 and offRoll = false", schoolId).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p));
        return currentOf(schoolId, null).stream()
                .filter(c -> c.state == ConsentState.GRANTED && c.expiresOn != null && onRoll.containsKey(c.pupilId)
                        && !c.expiresOn.isBefore(today) && !c.expiresOn.isAfter(until))
                .map(c -> {
                    Pupil p = onRoll.get(c.pupilId);
                    return new Renewal(p.id, p.displayName(), p.yearGroup, c.purpose,
                            labels.getOrDefault(c.purpose, c.purpose), c.expiresOn);
                })
                .sorted(java.util.Comparator.comparing(Renewal::lastDay).thenComparing(Renewal::pupilName))
                .toList();
    }

    public LocalDate today(long schoolId) {
        return pupils.today(schoolId);
    }

    public ZoneId zone(long schoolId) {
        return ((School) School.findById(schoolId)).zone();
    }

    static String describe(ConsentRecord r) {
        StringBuilder b = new StringBuilder();
        if (r.givenBy != null) {
            b.append("by ").append(r.givenBy.label()).append(r.givenByName == null ? "" : " (" + r.givenByName + ")");
        }
        if (r.dateGiven != null) {
            b.append(" on ").append(r.dateGiven);
        }
        if (r.method != null) {
            b.append(" via ").append(r.method.label());
        }
        if (r.evidenceRef != null) {
            b.append(", evidence ").append(r.evidenceRef);
        }
        b.append(", names: ").append(r.nameAllowance.words());
        if (r.expiresOn != null) {
            b.append(", last day ").append(r.expiresOn);
        }
        return b.toString().strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
