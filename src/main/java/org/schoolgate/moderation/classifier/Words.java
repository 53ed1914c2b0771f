package org.schoolgate.moderation.classifier;

import java.util.List;
import java.util.stream.Collectors;

/** How the "why" quotes words: 'a', 'b' (at most five). */
final class Words {

    private Words() {
    }

    static String quoted(List<String> words) {
        String shown = words.stream().limit(5).map(w -> "'" + w + "'").collect(Collectors.joining(", "));
        return words.size() > 5 ? shown + " …" : shown;
    }
}
