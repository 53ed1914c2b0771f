package org.schoolgate.moderation.classifier;

import java.util.Set;

/**
 * An insult aimed at someone: "you", "ur", "is a", "run by" followed within three words by a word of the
 * profanity lexicon ("shut up you fat ugly cow", "the head is a clown", "a school run by clowns"). It backs the model up where its 2016 US tweets
 * miss British insults; the abuse score itself stays the model's.
 */
public final class InsultRule {

    private static final Set<String> AIMED = Set.of("you", "u", "ya", "youre", "ur", "yer", "youse");
    private static final Set<String> RUN = Set.of("run", "ran", "managed", "led");
    private static final int REACH = 3;

    private final Lexicon insults;

    public InsultRule(Lexicon insults) {
        this.insults = insults;
    }

    /** The insulting word, or null. */
    public String find(String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            boolean aimed = AIMED.contains(tokens[i])
                    || (tokens[i].equals("is") && i + 1 < tokens.length && (tokens[i + 1].equals("a") || tokens[i + 1].equals("an")))
                    || (tokens[i].equals("by") && i > 0 && RUN.contains(tokens[i - 1]));
            if (!aimed) {
                continue;
            }
            for (int k = i + 1; k <= i + REACH && k < tokens.length; k++) {
                if (insults.contains(tokens[k])) {
                    return tokens[i] + " … " + tokens[k];
                }
            }
        }
        return null;
    }
}
