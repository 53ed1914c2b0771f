package org.schoolgate.consent;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The answer of {@link ConsentCheck}: every problem in words, and how much of each pupil's name may
 * appear. Posts block a step unless {@link #allowed()}, and show {@link #reasons()} to the person.
 */
public record ConsentDecision(Instant at, ZoneId zone, List<Problem> problems, List<NameRule> names) {

    public enum Kind { MISSING, REFUSED, EXPIRED, WITHDRAWN, LEFT, UNKNOWN_PUPIL, UNKNOWN_PURPOSE }

    /** One reason to refuse: "Ava Smith: no Instagram consent". pupilId or purpose is null when not about one. */
    public record Problem(Long pupilId, String purpose, Kind kind, String reason) {
    }

    /**
     * How much of a pupil's name may appear across all the purposes asked about (the strictest of
     * them), per purpose, and in words: "Ava Smith: first name only".
     */
    public record NameRule(long pupilId, String firstName, String preferredName, String surname,
                           NameAllowance allowance, Map<String, NameAllowance> perPurpose, String words) {
    }

    @com.fasterxml.jackson.annotation.JsonProperty("allowed")
    public boolean allowed() {
        return problems.isEmpty();
    }

    @com.fasterxml.jackson.annotation.JsonProperty("reasons")
    public List<String> reasons() {
        return problems.stream().map(Problem::reason).toList();
    }

    public List<Problem> problemsOf(long pupilId) {
        return problems.stream().filter(p -> p.pupilId() != null && p.pupilId() == pupilId).toList();
    }

    /** Every problem, then every name allowance, one per line. */
    public String summary() {
        return Stream.concat(reasons().stream(), names.stream().map(NameRule::words)).collect(Collectors.joining("\n"));
    }
}
