package org.schoolgate.moderation.classifier;

import java.util.List;
import org.schoolgate.moderation.Category;

/** Spam: advertising phrases, or a comment that is mostly links. */
public final class SpamRule {

    static final int MANY_LINKS = 3;

    private final Lexicon phrases;

    public SpamRule(Lexicon phrases) {
        this.phrases = phrases;
    }

    public Finding check(Comment c) {
        List<String> found = phrases.find(c.tokens());
        if (!found.isEmpty()) {
            return Finding.of(Category.SPAM, "spam: " + Words.quoted(found));
        }
        int urls = c.normalised().urls();
        return urls >= MANY_LINKS ? Finding.of(Category.SPAM, "spam: " + urls + " links") : null;
    }
}
