package org.schoolgate.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule posts ask (SPEC §2.1, §2.3): may these pupils appear on these channels at this instant,
 * and how much of their names may be shown? Plain Java over facts the caller loads, so that the
 * truth table is tested without a database.
 *
 * <p>Consent covers a purpose when its newest version is GRANTED and the instant is before the end
 * of the expiry date in the school's time zone (a consent expiring on 26 October covers until
 * midnight at the end of that day, London time, whatever the clocks did that day). A pupil who is
 * off roll, or past their leaving date, is refused whatever their consents say.
 */
public final class ConsentCheck {

    /** What the check needs to know about a pupil. */
    public record PupilFact(long pupilId, String firstName, String preferredName, String surname,
                            LocalDate leavingDate, boolean offRoll) {
        public String displayName() {
            return (preferredName == null || preferredName.isBlank() ? firstName : preferredName) + " " + surname;
        }

        static PupilFact of(Pupil p) {
            return new PupilFact(p.id, p.firstName, p.preferredName, p.surname, p.leavingDate, p.offRoll);
        }
    }

    /** The newest consent version of one pupil for one purpose. */
    public record ConsentFact(long pupilId, String purpose, ConsentState state, NameAllowance nameAllowance,
                              LocalDate expiresOn, int version) {
    }

    /** Pupils × purposes at an instant, judged in the school's time zone. */
    public record Question(Collection<Long> pupilIds, Collection<String> purposes, Instant at, ZoneId zone) {
    }

    private final Map<Long, PupilFact> pupils = new HashMap<>();
    private final Map<String, ConsentFact> consents = new HashMap<>();
    private final Map<String, String> purposeLabels;

    /**
     * @param purposeLabels every purpose the school knows, code → label ("instagram" → "Instagram")
     */
    public ConsentCheck(Collection<PupilFact> pupils, Collection<ConsentFact> consents, Map<String, String> purposeLabels) {
        pupils.forEach(p -> this.pupils.put(p.pupilId(), p));
        for (ConsentFact c : consents) {
            this.consents.merge(key(c.pupilId(), c.purpose()), c, (a, b) -> a.version() >= b.version() ? a : b);
        }
        this.purposeLabels = Map.copyOf(purposeLabels);
    }

    public ConsentDecision decide(Question q) {
        LocalDate today = q.at().atZone(q.zone()).toLocalDate();
        List<ConsentDecision.Problem> problems = new ArrayList<>();
        Set<String> purposes = new LinkedHashSet<>();
        for (String code : q.purposes()) {
            if (purposeLabels.containsKey(code)) {
                purposes.add(code);
            } else {
                problems.add(new ConsentDecision.Problem(null, code, ConsentDecision.Kind.UNKNOWN_PURPOSE,
                        "Unknown channel or purpose '" + code + "'"));
            }
        }
        List<ConsentDecision.NameRule> names = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(q.pupilIds())) {
            PupilFact pupil = pupils.get(id);
            if (pupil == null) {
                problems.add(new ConsentDecision.Problem(id, null, ConsentDecision.Kind.UNKNOWN_PUPIL,
                        "Pupil " + id + " is not on this school's roll"));
                continue;
            }
            if (pupil.offRoll() || (pupil.leavingDate() != null && pupil.leavingDate().isBefore(today))) {
                problems.add(new ConsentDecision.Problem(id, null, ConsentDecision.Kind.LEFT,
                        pupil.displayName() + ": has left the school"
                                + (pupil.leavingDate() == null ? "" : " (last day " + Dates.words(pupil.leavingDate()) + ")")));
            }
            Map<String, NameAllowance> allowed = new LinkedHashMap<>();
            for (String purpose : purposes) {
                ConsentFact c = consents.get(key(id, purpose));
                String problem = problemWith(c, q);
                if (problem == null) {
                    allowed.put(purpose, c.nameAllowance());
                } else {
                    allowed.put(purpose, NameAllowance.NONE);
                    problems.add(new ConsentDecision.Problem(id, purpose, kindOf(c, q),
                            pupil.displayName() + ": " + problem.replace("%s", purposeLabels.get(purpose))));
                }
            }
            names.add(nameRule(pupil, allowed));
        }
        return new ConsentDecision(q.at(), q.zone(), List.copyOf(problems), List.copyOf(names));
    }

    /** A sentence template with %s for the purpose label, or null when the consent covers the instant. */
    private static String problemWith(ConsentFact c, Question q) {
        ConsentDecision.Kind kind = kindOf(c, q);
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case MISSING -> "no %s consent";
            case REFUSED -> "%s consent refused";
            case WITHDRAWN -> "%s consent withdrawn";
            case EXPIRED -> "%s consent expired" + (c.expiresOn() == null ? "" : " (last day " + Dates.words(c.expiresOn()) + ")");
            default -> throw new IllegalStateException("not a consent problem: " + kind);
        };
    }

    private static ConsentDecision.Kind kindOf(ConsentFact c, Question q) {
        if (c == null) {
            return ConsentDecision.Kind.MISSING;
        }
        return switch (c.state()) {
            case REFUSED -> ConsentDecision.Kind.REFUSED;
            case WITHDRAWN -> ConsentDecision.Kind.WITHDRAWN;
            case EXPIRED -> ConsentDecision.Kind.EXPIRED;
            case GRANTED -> coversInstant(c.expiresOn(), q.at(), q.zone()) ? null : ConsentDecision.Kind.EXPIRED;
        };
    }

    /** True while {@code at} is before midnight at the end of {@code lastDay} in the zone. */
    static boolean coversInstant(LocalDate lastDay, Instant at, ZoneId zone) {
        return lastDay == null || at.isBefore(lastDay.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private ConsentDecision.NameRule nameRule(PupilFact pupil, Map<String, NameAllowance> allowed) {
        NameAllowance strictest = allowed.values().stream().reduce(NameAllowance::strictest).orElse(NameAllowance.NONE);
        StringBuilder words = new StringBuilder(pupil.displayName()).append(": ").append(strictest.words());
        if (allowed.values().stream().distinct().count() > 1) {
            words.append(" (");
            allowed.forEach((purpose, a) -> words.append(purposeLabels.get(purpose)).append(": ").append(a.words())
                    .append(", "));
            words.setLength(words.length() - 2);
            words.append(')');
        }
        return new ConsentDecision.NameRule(pupil.pupilId(), pupil.firstName(), pupil.preferredName(), pupil.surname(),
                strictest, Map.copyOf(allowed), words.toString());
    }

    private static String key(long pupilId, String purpose) {
        return pupilId + "/" + purpose;
    }
}
