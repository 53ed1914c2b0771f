package org.schoolgate.moderation.classifier;

import org.schoolgate.moderation.Category;

/** One rule that fired: the category, its score and the human reason. */
public record Finding(Category category, double score, String why) {

    static Finding of(Category category, String why) {
        return new Finding(category, 1.0, why);
    }
}
