package org.schoolgate.consent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Plans an import of a SIMS or Arbor style CSV export against the current roster, without touching
 * it. The whole file is validated; any problem on any line refuses it (the service then changes
 * nothing). Headers are matched ignoring case, spaces and punctuation; the accepted names are in
 * {@link #ALIASES} and documented in docs-consent.md.
 */
final class RosterImport {

    enum Field {
        MIS_ID("MIS id"), FIRST_NAME("first name"), SURNAME("surname"), PREFERRED_NAME("preferred name"),
        YEAR_GROUP("year group"), CLASS_NAME("class"), ON_ROLL("on-roll date"), LEAVING("leaving date"),
        GIVEN_BY("consent given by"), GIVEN_BY_NAME("consent signed by"), DATE_GIVEN("consent date"),
        METHOD("consent method"), EVIDENCE("evidence reference"), NAMES("name allowance"), EXPIRY("consent expiry");

        final String words;

        Field(String words) {
            this.words = words;
        }
    }

    /** Header names per field, normalised (lower case, letters and digits only), best first. */
    static final Map<Field, List<String>> ALIASES = new EnumMap<>(Map.ofEntries(
            Map.entry(Field.MIS_ID, List.of("misid", "studentid", "pupilid", "arborid", "arborstudentid", "adno",
                    "admissionno", "admissionnumber", "upn", "uniquepupilnumber")),
            Map.entry(Field.FIRST_NAME, List.of("legalforename", "forename", "legalfirstname", "firstname", "givenname",
                    "forenames")),
            Map.entry(Field.SURNAME, List.of("legalsurname", "surname", "legallastname", "lastname", "familyname")),
            Map.entry(Field.PREFERRED_NAME, List.of("preferredforename", "preferredfirstname", "preferredname",
                    "knownas", "chosenname")),
            Map.entry(Field.YEAR_GROUP, List.of("yeargroup", "year", "ncyear", "curriculumyear", "yr")),
            Map.entry(Field.CLASS_NAME, List.of("reggroup", "reg", "registrationgroup", "registrationform", "form",
                    "formgroup", "class", "classname", "tutorgroup")),
            Map.entry(Field.ON_ROLL, List.of("admissiondate", "dateofadmission", "startdate", "enrolmentdate",
                    "entrydate", "onrolldate", "dateofentry")),
            Map.entry(Field.LEAVING, List.of("leavingdate", "dateofleaving", "enddate", "leavedate", "leftdate")),
            Map.entry(Field.GIVEN_BY, List.of("consentgivenby", "givenby", "consentby")),
            Map.entry(Field.GIVEN_BY_NAME, List.of("consentsignedby", "signedby", "consentgivenbyname")),
            Map.entry(Field.DATE_GIVEN, List.of("consentdate", "consentdategiven", "consentgivendate", "dategiven",
                    "consentgivenon")),
            Map.entry(Field.METHOD, List.of("consentmethod", "method", "consentsource")),
            Map.entry(Field.EVIDENCE, List.of("consentevidence", "evidencereference", "evidenceref", "evidence",
                    "consentreference", "formreference")),
            Map.entry(Field.NAMES, List.of("nameallowance", "names", "nameconsent", "namesallowed", "consentnames",
                    "nameuse")),
            Map.entry(Field.EXPIRY, List.of("consentexpiry", "consentexpires", "consentexpirydate", "expirydate",
                    "expiry", "expires", "consentenddate"))));

    /** Words around a purpose name in a consent header: "Photo consent - Facebook", "Consent for website use". */
    static final Set<String> FILLER = Set.of("consent", "consents", "photo", "photos", "photograph", "photographs",
            "photography", "image", "images", "media", "social", "for", "on", "use", "of", "the", "and", "permission",
            "permissions", "to", "in", "publish", "publication", "given");

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "granted", "given", "agreed", "consented",
            "consent given", "accepted");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "refused", "declined", "not given",
            "withdrawn", "no consent", "denied");

    /** The roster as it is: a pupil and the newest version of each of its consents. */
    record Existing(long pupilId, PupilDetails details, Map<String, ConsentRecord> consents) {
    }

    private enum Role { VALUE, NAMES, EXPIRY, DATE }

    private record PurposeColumn(int index, String purpose, Role role) {
    }

    private final List<Purpose> purposes;
    private final Map<String, Existing> roster;
    private final LocalDate today;
    private final ZoneId zone;
    private final int maxProblems;

    RosterImport(List<Purpose> purposes, Map<String, Existing> rosterByMisId, LocalDate today, ZoneId zone, int maxProblems) {
        this.purposes = purposes;
        this.roster = rosterByMisId;
        this.today = today;
        this.zone = zone;
        this.maxProblems = maxProblems;
    }

    ImportPlan plan(byte[] bytes) {
        Problems problems = new Problems(maxProblems);
        if (bytes.length == 0) {
            problems.add(0, "The file is empty.");
            return problems.plan("", 0, List.of(), List.of(), List.of(), List.of());
        }
        CsvReader.Decoded decoded = CsvReader.decode(bytes);
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.parse(decoded.text(), CsvReader.separatorOf(decoded.text()));
        } catch (CsvReader.Unreadable e) {
            problems.add(e.line, e.getMessage());
            return problems.plan(decoded.encoding(), 0, List.of(), List.of(), List.of(), List.of());
        }
        rows = rows.stream().filter(r -> !r.isBlank()).toList();
        if (rows.isEmpty()) {
            problems.add(0, "The file is empty.");
            return problems.plan(decoded.encoding(), 0, List.of(), List.of(), List.of(), List.of());
        }
        List<String> header = rows.get(0).fields();
        Map<Field, Integer> fields = new EnumMap<>(Field.class);
        List<PurposeColumn> purposeColumns = new ArrayList<>();
        List<String> mapping = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        mapColumns(header, fields, purposeColumns, mapping, ignored);
        for (Field required : List.of(Field.MIS_ID, Field.FIRST_NAME, Field.SURNAME)) {
            if (!fields.containsKey(required)) {
                problems.add(rows.get(0).line(), "no " + required.words + " column. Accepted headers: "
                        + String.join(", ", ALIASES.get(required)) + " (case, spaces and punctuation ignored).");
            }
        }
        if (!problems.isEmpty()) {
            return problems.plan(decoded.encoding(), rows.size() - 1, mapping, ignored, List.of(), List.of());
        }
        if (rows.size() == 1) {
            problems.add(0, "The file has a header but no pupils.");
        }
        List<ImportPlan.PupilRow> planned = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            ImportPlan.PupilRow p = planRow(row, header.size(), fields, purposeColumns, seen, problems, notes);
            if (p != null) {
                planned.add(p);
            }
        }
        long absent = roster.keySet().stream().filter(id -> !seen.containsKey(id)).count();
        if (absent > 0) {
            notes.add(absent + " pupils on the roster are not in this file; they are left as they are.");
        }
        return problems.plan(decoded.encoding(), rows.size() - 1, mapping, ignored, planned, notes);
    }

    private void mapColumns(List<String> header, Map<Field, Integer> fields, List<PurposeColumn> purposeColumns,
                            List<String> mapping, List<String> ignored) {
        List<String> normal = header.stream().map(RosterImport::normalise).toList();
        boolean[] used = new boolean[header.size()];
        for (Field f : Field.values()) {
            for (String alias : ALIASES.get(f)) {
                int i = normal.indexOf(alias);
                if (i >= 0 && !used[i]) {
                    fields.put(f, i);
                    used[i] = true;
                    mapping.add(header.get(i).strip() + " → " + f.words);
                    break;
                }
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (used[i]) {
                continue;
            }
            PurposeColumn pc = purposeColumn(i, header.get(i));
            if (pc != null && purposeColumns.stream().noneMatch(o -> o.purpose.equals(pc.purpose) && o.role == pc.role)) {
                purposeColumns.add(pc);
                String label = purposes.stream().filter(p -> p.code().equals(pc.purpose)).findFirst().orElseThrow().label();
                mapping.add(header.get(i).strip() + " → " + label + switch (pc.role) {
                    case VALUE -> " consent";
                    case NAMES -> " name allowance";
                    case EXPIRY -> " consent expiry";
                    case DATE -> " consent date";
                });
            } else if (!header.get(i).isBlank()) {
                ignored.add(header.get(i).strip());
            }
        }
    }

    /** "Consent - Instagram", "Instagram Name Allowance", "Website consent expiry"… or null. */
    private PurposeColumn purposeColumn(int index, String header) {
        List<String> words = tokens(header);
        Purpose best = null;
        List<String> bestTokens = List.of();
        for (Purpose p : purposes) {
            for (List<String> t : List.of(tokens(p.label()), tokens(p.code()))) {
                if (!t.isEmpty() && words.containsAll(t) && t.size() > bestTokens.size()) {
                    best = p;
                    bestTokens = t;
                }
            }
        }
        if (best == null) {
            return null;
        }
        List<String> rest = new ArrayList<>(words);
        rest.removeAll(bestTokens);
        rest.removeAll(FILLER);
        Role role;
        if (rest.isEmpty()) {
            role = Role.VALUE;
        } else if (rest.stream().anyMatch(w -> w.startsWith("name"))
                && rest.stream().allMatch(w -> w.startsWith("name") || w.startsWith("allow"))) {
            role = Role.NAMES;
        } else if (rest.stream().anyMatch(w -> w.startsWith("expir"))
                && rest.stream().allMatch(w -> w.startsWith("expir") || w.equals("date"))) {
            role = Role.EXPIRY;
        } else if (rest.equals(List.of("date"))) {
            role = Role.DATE;
        } else {
            return null;
        }
        return new PurposeColumn(index, best.code(), role);
    }

    private ImportPlan.PupilRow planRow(CsvReader.Row row, int width, Map<Field, Integer> fields,
                                         List<PurposeColumn> purposeColumns, Map<String, Integer> seen,
                                         Problems problems, List<String> notes) {
        int line = row.line();
        List<String> f = row.fields();
        if (f.size() > width && f.subList(width, f.size()).stream().anyMatch(s -> !s.isBlank())) {
            problems.add(line, "has " + f.size() + " fields but the header has " + width
                    + " (a name with a comma must be in quotes).");
            return null;
        }
        int before = problems.count();
        Function<Field, String> get = field -> {
            Integer i = fields.get(field);
            return i == null || i >= f.size() ? null : clean(f.get(i));
        };
        String misId = get.apply(Field.MIS_ID);
        if (misId == null) {
            problems.add(line, "no MIS id.");
        } else if (seen.containsKey(misId)) {
            problems.add(line, "MIS id " + misId + " appears again (first on line " + seen.get(misId) + ").");
        } else {
            seen.put(misId, line);
        }
        PupilDetails d = new PupilDetails(misId, get.apply(Field.FIRST_NAME), get.apply(Field.SURNAME),
                get.apply(Field.PREFERRED_NAME), get.apply(Field.YEAR_GROUP), get.apply(Field.CLASS_NAME),
                date(line, "on-roll date", get.apply(Field.ON_ROLL), problems),
                date(line, "leaving date", get.apply(Field.LEAVING), problems)).normalised();
        if (d.firstName() == null) {
            problems.add(line, "no first name.");
        }
        if (d.surname() == null) {
            problems.add(line, "no surname.");
        }
        tooLong(line, "MIS id", d.misId(), 40, problems);
        tooLong(line, "first name", d.firstName(), 100, problems);
        tooLong(line, "surname", d.surname(), 100, problems);
        tooLong(line, "preferred name", d.preferredName(), 100, problems);
        tooLong(line, "year group", d.yearGroup(), 20, problems);
        tooLong(line, "class", d.className(), 40, problems);
        if (d.onRollDate() != null && d.leavingDate() != null && d.leavingDate().isBefore(d.onRollDate())) {
            problems.add(line, "the leaving date is before the on-roll date.");
        }
        Map<String, ConsentTerms> terms = consentTerms(line, get, f, purposeColumns, problems);
        if (problems.count() > before || misId == null) {
            return null;
        }
        Existing existing = roster.get(misId);
        List<ImportPlan.ConsentChange> consentChanges = new ArrayList<>();
        terms.forEach((purpose, t) -> {
            ImportPlan.ConsentChange c = consentChange(line, d, purpose, t,
                    existing == null ? null : existing.consents().get(purpose), notes);
            if (c != null) {
                consentChanges.add(c);
            }
        });
        if (existing == null) {
            return new ImportPlan.PupilRow(line, misId, null, ImportPlan.Change.ADDED, d, "new pupil", consentChanges);
        }
        String change = d.changesFrom(existing.details().normalised());
        ImportPlan.Change kind = change.isEmpty() && consentChanges.isEmpty() ? ImportPlan.Change.UNCHANGED
                : ImportPlan.Change.CHANGED;
        return new ImportPlan.PupilRow(line, misId, existing.pupilId(), kind, d, change, consentChanges);
    }

    private Map<String, ConsentTerms> consentTerms(int line, Function<Field, String> get, List<String> f,
                                                   List<PurposeColumn> columns, Problems problems) {
        Map<String, ConsentTerms> result = new LinkedHashMap<>();
        GivenBy givenBy = givenBy(line, get.apply(Field.GIVEN_BY), problems);
        ConsentMethod method = null;
        String methodText = get.apply(Field.METHOD);
        if (methodText != null) {
            method = ConsentMethod.parse(methodText).orElse(null);
            if (method == null) {
                problems.add(line, "consent method '" + methodText + "' is not one of "
                        + Arrays.stream(ConsentMethod.values()).map(ConsentMethod::label).toList() + ".");
            }
        }
        LocalDate dateGiven = date(line, "consent date", get.apply(Field.DATE_GIVEN), problems);
        LocalDate expiry = date(line, "consent expiry", get.apply(Field.EXPIRY), problems);
        NameAllowance names = names(line, "name allowance", get.apply(Field.NAMES), problems);
        for (PurposeColumn c : columns) {
            if (c.role != Role.VALUE) {
                continue;
            }
            String label = purposes.stream().filter(p -> p.code().equals(c.purpose)).findFirst().orElseThrow().label();
            String value = c.index < f.size() ? clean(f.get(c.index)) : null;
            if (value == null) {
                continue;
            }
            String v = value.toLowerCase(Locale.ROOT);
            ConsentState state = YES.contains(v) ? ConsentState.GRANTED : NO.contains(v) ? ConsentState.REFUSED : null;
            if (state == null) {
                problems.add(line, label + " consent '" + value + "' is not yes or no.");
                continue;
            }
            NameAllowance ownNames = names(line, label + " name allowance", valueOf(columns, c.purpose, Role.NAMES, f), problems);
            LocalDate ownExpiry = date(line, label + " consent expiry", valueOf(columns, c.purpose, Role.EXPIRY, f), problems);
            LocalDate ownDate = date(line, label + " consent date", valueOf(columns, c.purpose, Role.DATE, f), problems);
            LocalDate given = ownDate != null ? ownDate : dateGiven;
            LocalDate last = ownExpiry != null ? ownExpiry : expiry;
            if (given != null && given.isAfter(today)) {
                problems.add(line, label + " consent date " + Dates.words(given) + " is in the future.");
            }
            if (state == ConsentState.GRANTED && given != null && last != null && last.isBefore(given)) {
                problems.add(line, label + " consent expires before it was given.");
            }
            boolean granted = state == ConsentState.GRANTED;
            NameAllowance allowance = ownNames != null ? ownNames : names != null ? names : NameAllowance.NONE;
            result.put(c.purpose, new ConsentTerms(state, givenBy == null ? GivenBy.PARENT_CARER : givenBy,
                    get.apply(Field.GIVEN_BY_NAME), given, method == null ? ConsentMethod.MIS : method,
                    get.apply(Field.EVIDENCE), granted ? allowance : NameAllowance.NONE, granted ? last : null));
        }
        return result;
    }

    /**
     * Turns what the file says into a new version, or nothing when the roster already says it. A
     * withdrawal or expiry recorded here is never undone by an MIS that still shows the old consent:
     * only a consent dated after the withdrawal, or with a new expiry, counts as given again.
     */
    private ImportPlan.ConsentChange consentChange(int line, PupilDetails d, String purpose, ConsentTerms t,
                                                   ConsentRecord current, List<String> notes) {
        String label = purposes.stream().filter(p -> p.code().equals(purpose)).findFirst().orElseThrow().label();
        ImportPlan.ConsentChange record = new ImportPlan.ConsentChange(purpose, ImportPlan.Action.RECORD, t,
                label + ": " + t.words());
        if (current == null) {
            return record;
        }
        boolean yes = t.state() == ConsentState.GRANTED;
        boolean same = ConsentTerms.of(current).equals(t);
        return switch (current.state) {
            case GRANTED -> yes ? (same ? null : record)
                    : new ImportPlan.ConsentChange(purpose, ImportPlan.Action.WITHDRAW, t, label + ": withdrawn (the MIS now says no)");
            case REFUSED -> same ? null : record;
            case EXPIRED -> yes && !(Objects.equals(t.expiresOn(), current.expiresOn)
                    && Objects.equals(t.dateGiven(), current.dateGiven)) ? record : null;
            case WITHDRAWN -> {
                LocalDate withdrawnOn = current.withdrawnAt == null ? null : current.withdrawnAt.atZone(zone).toLocalDate();
                if (yes && t.dateGiven() != null && withdrawnOn != null && t.dateGiven().isAfter(withdrawnOn)) {
                    yield record;
                }
                if (yes) {
                    notes.add("Line " + line + ": the MIS shows " + label + " consent for " + d.firstName() + " "
                            + d.surname() + " (" + d.misId() + "), but it was withdrawn here"
                            + (withdrawnOn == null ? "" : " on " + Dates.words(withdrawnOn))
                            + "; it stays withdrawn until a consent dated after that is recorded.");
                }
                yield null;
            }
        };
    }

    private static String valueOf(List<PurposeColumn> columns, String purpose, Role role, List<String> f) {
        return columns.stream().filter(c -> c.purpose.equals(purpose) && c.role == role && c.index < f.size())
                .map(c -> clean(f.get(c.index))).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static GivenBy givenBy(int line, String text, Problems problems) {
        if (text == null) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches(".*(parent|carer|mother|father|guardian|mum|dad|family).*")) {
            return GivenBy.PARENT_CARER;
        }
        if (t.matches(".*(pupil|student|self|child).*")) {
            return GivenBy.PUPIL;
        }
        problems.add(line, "consent given by '" + text + "' is neither a parent/carer nor the pupil.");
        return null;
    }

    private static NameAllowance names(int line, String what, String text, Problems problems) {
        if (text == null) {
            return null;
        }
        return NameAllowance.parse(text).orElseGet(() -> {
            problems.add(line, what + " '" + text + "' is not none, first name or full name.");
            return null;
        });
    }

    private static LocalDate date(int line, String what, String text, Problems problems) {
        try {
            return Dates.parse(text).orElse(null);
        } catch (IllegalArgumentException e) {
            problems.add(line, what + ": " + e.getMessage() + ".");
            return null;
        }
    }

    private static void tooLong(int line, String what, String value, int max, Problems problems) {
        if (value != null && value.length() > max) {
            problems.add(line, "the " + what + " is longer than " + max + " characters.");
        }
    }

    /** Trimmed, inner white space (including line breaks inside quotes) collapsed; blank is null. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    static String normalise(String header) {
        return String.join("", tokens(header));
    }

    static List<String> tokens(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Collects problems up to the report limit and counts the rest. */
    private static final class Problems {
        private final int max;
        private final List<ImportPlan.LineProblem> list = new ArrayList<>();
        private int more;

        Problems(int max) {
            this.max = max;
        }

        void add(int line, String message) {
            if (list.size() < max) {
                list.add(new ImportPlan.LineProblem(line, message));
            } else {
                more++;
            }
        }

        int count() {
            return list.size() + more;
        }

        boolean isEmpty() {
            return count() == 0;
        }

        ImportPlan plan(String encoding, int rows, List<String> columns, List<String> ignored,
                        List<ImportPlan.PupilRow> pupils, List<String> notes) {
            return new ImportPlan(encoding, rows, columns, ignored, List.copyOf(list), more,
                    list.isEmpty() && more == 0 ? pupils : List.of(), notes);
        }
    }
}
