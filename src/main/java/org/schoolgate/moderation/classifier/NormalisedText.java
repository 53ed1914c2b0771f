package org.schoolgate.moderation.classifier;

/**
 * A comment after {@link TextNormaliser}: the tokens the model and the lexicons see, plus what was
 * taken out on the way (links and mentions are replaced by placeholders, but their count matters to the spam rule).
 *
 * @param tokens lower-case word tokens with evasions undone
 * @param urls   how many links the text contained
 * @param mentions how many @mentions the text contained
 * @param letters letters in the text after homoglyph folding
 * @param foreignLetters letters that are not Latin after folding (Cyrillic, Arabic, CJK …)
 */
public record NormalisedText(String[] tokens, int urls, int mentions, int letters, int foreignLetters) {

    /** The tokens joined by single spaces, for patterns and for people to read. */
    public String joined() {
        return String.join(" ", tokens);
    }
}
