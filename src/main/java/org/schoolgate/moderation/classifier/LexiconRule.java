package org.schoolgate.moderation.classifier;

import java.util.List;
import org.schoolgate.moderation.Category;

/** A category that fires when any entry of its lexicon occurs: hate, sexual, complaint. */
public final class LexiconRule {

    private final Category category;
    private final Lexicon lexicon;
    private final String label;

    public LexiconRule(Category category, Lexicon lexicon, String label) {
        this.category = category;
        this.lexicon = lexicon;
        this.label = label;
    }

    public Finding check(Comment c) {
        List<String> found = lexicon.find(c.tokens());
        return found.isEmpty() ? null : Finding.of(category, label + ": " + Words.quoted(found));
    }
}
