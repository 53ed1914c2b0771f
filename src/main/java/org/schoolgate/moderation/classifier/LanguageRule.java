package org.schoolgate.moderation.classifier;

import java.util.Set;
import org.schoolgate.moderation.Category;

/**
 * The model learnt English. A comment mostly in another script, or of several words with hardly any
 * English among them, goes to a person rather than passing as "ok". A word counts as English when the
 * model learnt it or it is in {@code english.txt} or a lexicon.
 */
public final class LanguageRule {

    static final int MIN_LETTERS = 8;
    static final double MAX_FOREIGN_SHARE = 0.3;
    static final int MIN_WORDS = 5;
    static final double MIN_ENGLISH_SHARE = 0.2;
    static final double MIN_KNOWN_SHARE = 0.6;

    private final Set<String> english;
    private final Set<String> modelWords;
    private final Lexicons lexicons;

    /** @param modelWords the words the model learnt, all from English tweets */
    public LanguageRule(Lexicons lexicons, Set<String> modelWords) {
        this.english = lexicons.english();
        this.modelWords = modelWords;
        this.lexicons = lexicons;
    }

    public Finding check(Comment c) {
        NormalisedText n = c.normalised();
        if (n.letters() >= MIN_LETTERS && n.foreignLetters() > MAX_FOREIGN_SHARE * n.letters()) {
            return Finding.of(Category.UNJUDGED_LANGUAGE, "not English: mostly non-Latin script; a person must read it");
        }
        int words = 0;
        int common = 0;
        int known = 0;
        for (String t : n.tokens()) {
            if (t.isEmpty() || !Character.isLetter(t.charAt(0))) {
                continue;
            }
            words++;
            if (english.contains(t) || lexicons.profanity().contains(t) || lexicons.hate().contains(t)
                    || lexicons.sexual().contains(t)) {
                common++;
                known++;
            } else if (modelWords.contains(t)) {
                known++;
            }
        }
        // both tests: the tweets the model learnt from hold a little Dutch and Spanish, so its vocabulary alone is too kind
        if (words >= MIN_WORDS && common < MIN_ENGLISH_SHARE * words && known < MIN_KNOWN_SHARE * words) {
            return Finding.of(Category.UNJUDGED_LANGUAGE,
                    "probably not English (" + common + " of " + words + " words common English, " + known + " known); a person must read it");
        }
        return null;
    }
}
