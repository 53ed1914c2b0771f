package org.schoolgate.posts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.schoolgate.channels.PlatformPost;

/**
 * Finding our own post on a channel after an attempt whose answer was lost (a timeout, or a crash
 * between the platform accepting it and our record): the newest post created since the attempt began
 * (less a margin for clock skew) whose caption is ours and which is not already another post's copy.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    public static Optional<PlatformPost> find(List<PlatformPost> listed, String caption, Instant since,
                                              Predicate<String> knownAsAnotherPost) {
        String ours = normalise(caption);
        return listed.stream()
                .filter(p -> !p.createdAt().isBefore(since))
                .filter(p -> normalise(p.text()).equals(ours))
                .filter(p -> !knownAsAnotherPost.test(p.id()))
                .findFirst();
    }

    /** Platforms may change line ends and trailing spaces; nothing else counts as the same caption. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').lines().map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }
}
