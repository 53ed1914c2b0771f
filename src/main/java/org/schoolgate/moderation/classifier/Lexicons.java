package org.schoolgate.moderation.classifier;

import java.util.LinkedHashSet;
import java.util.Set;

/** The curated lexicons of {@code /moderation/lexicons}, loaded once. */
public record Lexicons(Lexicon profanity, Lexicon hate, Lexicon sexual, Lexicon threat, Lexicon accusation,
                       Lexicon complaint, Lexicon spam, Set<String> english) {

    public static Lexicons load() {
        Lexicon english = Lexicon.load("english");
        Set<String> englishWords = new LinkedHashSet<>();
        for (String line : english.entries()) {
            englishWords.addAll(java.util.List.of(line.split(" ")));
        }
        return new Lexicons(Lexicon.load("profanity"), Lexicon.load("hate"), Lexicon.load("sexual"),
                Lexicon.load("threat"), Lexicon.load("accusation"), Lexicon.load("complaint"), Lexicon.load("spam"),
                // keep file order: Set.copyOf iterates in a different order in every JVM, and the order decides unmasking
                java.util.Collections.unmodifiableSet(englishWords));
    }

    /**
     * Words the normaliser may turn a masked or stretched token into: abusive words first (so that
     * {@code f*ck} becomes the word it hides), then ordinary English (so that {@code sooo} becomes "so").
     */
    public Set<String> vocabulary() {
        Set<String> v = new LinkedHashSet<>();
        v.addAll(profanity.words());
        v.addAll(hate.words());
        v.addAll(sexual.words());
        v.addAll(threat.words());
        v.addAll(english);
        return v;
    }

    public TextNormaliser normaliser() {
        return new TextNormaliser(vocabulary());
    }
}
