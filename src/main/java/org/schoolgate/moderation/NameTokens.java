package org.schoolgate.moderation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names and text are cut into comparable words, in one place for the classifier's roster and the
 * posts' caption check: accents off, lower case, apostrophes dropped ("O'Brien" → "obrien"), split on
 * everything that is not a letter or digit (so case, punctuation and line breaks do not matter).
 */
public final class NameTokens {

    /** "Ava's", "Ava’s" and "Jones'" as the name itself: the possessive ending is not part of the name. */
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})['’](?:s\\b|(?=\\P{L}|$))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private NameTokens() {
    }

    /** The words of a name or a text, normalised. */
    public static String[] words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    /** The words of a text, with possessive endings removed first, so "Ava's" is the word "ava". */
    public static String[] wordsWithoutPossessives(String text) {
        return words(POSSESSIVE.matcher(text).replaceAll(""));
    }
}
