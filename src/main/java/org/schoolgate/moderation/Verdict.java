package org.schoolgate.moderation;

import java.util.List;
import java.util.Map;
import org.schoolgate.review.Severity;

/**
 * What the classifier says about one text.
 *
 * @param abusive      the model's probability of abuse (0..1) at the configured prevalence
 * @param scores       a score per category that fired (rules score 1.0; abuse is the model's score)
 * @param categories   what fired, most severe first; exactly {@code [OK]} when nothing did
 * @param severity     how urgent a review is; {@code NONE} only for {@code [OK]}
 * @param modelVersion the model that gave the score
 * @param why          for the headteacher: the rules and words that fired
 */
public record Verdict(double abusive, Map<Category, Double> scores, List<Category> categories, Severity severity,
                      String modelVersion, String why) {

    public boolean flagged() {
        return severity != Severity.NONE;
    }

    public boolean has(Category c) {
        return categories.contains(c);
    }
}
