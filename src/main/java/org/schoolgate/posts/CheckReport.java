package org.schoolgate.posts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the checks found for a post at one moment: every problem in words (each naming the pupil,
 * channel or word), and for each tagged pupil their consent and name allowance on the post's channels.
 */
public record CheckReport(List<Problem> problems, List<PupilStatus> pupils) {

    public enum Kind { CONTENT, CHANNEL, CONSENT, NAME, PERSONAL_DATA }

    public record Problem(Kind kind, String reason) {
    }

    /** A tagged pupil as the post's reader sees them: "Ava Smith — consent OK; full name allowed". */
    public record PupilStatus(long pupilId, String name, boolean ok, List<String> problems, String names) {
    }

    @JsonProperty("allowed")
    public boolean allowed() {
        return problems.isEmpty();
    }

    @JsonProperty("reasons")
    public List<String> reasons() {
        return problems.stream().map(Problem::reason).toList();
    }

    /** Blocked by consent: missing, refused, withdrawn or expired consent, or a name beyond the allowance. */
    @JsonProperty("consentBlocked")
    public boolean consentBlocked() {
        return problems.stream().anyMatch(p -> p.kind() == Kind.CONSENT || p.kind() == Kind.NAME);
    }

    public String summary() {
        return String.join("; ", reasons());
    }
}
