package org.schoolgate.consent;

import java.util.List;

/**
 * What an MIS file would do, worked out before anything changes: the column mapping, every problem
 * by line (any problem means the whole file is refused), and per pupil whether it is added,
 * changed or left unchanged, with the consent versions it would append.
 */
public record ImportPlan(String encoding, int rows, List<String> columns, List<String> ignoredColumns,
                         List<LineProblem> problems, int moreProblems, List<PupilRow> pupils, List<String> notes) {

    public enum Change { ADDED, CHANGED, UNCHANGED }

    public enum Action { RECORD, WITHDRAW }

    public record LineProblem(int line, String message) {
        public String words() {
            return line == 0 ? message : "Line " + line + ": " + message;
        }
    }

    public record ConsentChange(String purpose, Action action, ConsentTerms terms, String words) {
    }

    public record PupilRow(int line, String misId, Long pupilId, Change change, PupilDetails details,
                           String pupilChange, List<ConsentChange> consentChanges) {
        public String name() {
            return (details.preferredName() == null ? details.firstName() : details.preferredName()) + " " + details.surname();
        }
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public long added() {
        return count(Change.ADDED);
    }

    public long changed() {
        return count(Change.CHANGED);
    }

    public long unchanged() {
        return count(Change.UNCHANGED);
    }

    public long consentVersions() {
        return pupils.stream().mapToLong(p -> p.consentChanges().size()).sum();
    }

    private long count(Change c) {
        return pupils.stream().filter(p -> p.change() == c).count();
    }

    /** Added and changed rows first (what the office needs to read), then the unchanged ones. */
    public List<PupilRow> changesFirst() {
        return pupils.stream().sorted(java.util.Comparator.comparing((PupilRow p) -> p.change() == Change.UNCHANGED)
                .thenComparing(PupilRow::line)).toList();
    }

    public String summary() {
        return added() + " added, " + changed() + " changed, " + unchanged() + " unchanged, " + consentVersions()
                + " consent versions";
    }
}
