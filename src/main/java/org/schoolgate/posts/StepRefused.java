package org.schoolgate.posts;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/**
 * A workflow step that may not happen, with the reasons in words: 403 for a rule about the person
 * (the author signing off), 409 when someone else acted first or the post moved on, 422 for failed checks.
 */
public class StepRefused extends WebApplicationException {

    private final List<String> reasons;

    public StepRefused(int status, List<String> reasons) {
        super(String.join("; ", reasons), status);
        this.reasons = List.copyOf(reasons);
    }

    public static StepRefused rule(Decision d) {
        return new StepRefused(403, d.reasons());
    }

    public static StepRefused conflict(String reason) {
        return new StepRefused(409, List.of(reason));
    }

    public static StepRefused checks(CheckReport report) {
        return new StepRefused(422, report.reasons());
    }

    public List<String> reasons() {
        return reasons;
    }
}
