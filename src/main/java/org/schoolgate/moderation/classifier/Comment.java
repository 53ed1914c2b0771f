package org.schoolgate.moderation.classifier;

import org.schoolgate.moderation.ClassificationContext;

/**
 * A text as the rules see it.
 *
 * @param plain      the original with HTML entities decoded and compatibility characters folded (for
 *                   phone numbers, e-mail addresses and capitalised names)
 * @param normalised the tokens after evasion is undone
 * @param ctx        the school's pupils and staff
 */
public record Comment(String plain, NormalisedText normalised, ClassificationContext ctx) {

    public String[] tokens() {
        return normalised.tokens();
    }
}
