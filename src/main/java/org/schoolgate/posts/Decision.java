package org.schoolgate.posts;

import java.util.List;

/** A rule's answer: allowed, or refused with the reasons in words a member of staff understands. */
public record Decision(boolean allowed, List<String> reasons) {

    public static Decision allow() {
        return new Decision(true, List.of());
    }

    public static Decision refused(String reason) {
        return new Decision(false, List.of(reason));
    }

    public static Decision refused(List<String> reasons) {
        return reasons.isEmpty() ? allow() : new Decision(false, List.copyOf(reasons));
    }

    public String reason() {
        return String.join("; ", reasons);
    }
}
