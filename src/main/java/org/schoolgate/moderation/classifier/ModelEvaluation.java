package org.schoolgate.moderation.classifier;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Scores a labelled set and reports ROC-AUC and precision at 90 % recall re-weighted to 5 % prevalence. */
public final class ModelEvaluation {

    public static final double TARGET_RECALL = 0.90;
    public static final double TARGET_PREVALENCE = 0.05;

    private ModelEvaluation() {
    }

    public record Result(int examples, int abusive, double rocAuc, RankingMetrics.OperatingPoint atRecall) {

        public String report(String dataName) {
            return String.format(Locale.ROOT, """
                    data: %s (%d examples, %d abusive = %.1f %%)
                    ROC-AUC: %.4f
                    at %.0f %% recall: threshold %.4f, recall %.4f, false-positive rate %.4f
                    precision at %.0f %% recall re-weighted to %.0f %% prevalence: %.4f
                    """, dataName, examples, abusive, 100.0 * abusive / examples, rocAuc,
                    100 * TARGET_RECALL, atRecall.threshold(), atRecall.recall(), atRecall.falsePositiveRate(),
                    100 * TARGET_RECALL, 100 * TARGET_PREVALENCE, atRecall.precision());
        }
    }

    public static Result evaluate(List<LabelledExample> examples, ToDoubleFunction<String> score) {
        double[] scores = new double[examples.size()];
        boolean[] positive = new boolean[examples.size()];
        int abusive = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score.applyAsDouble(examples.get(i).text());
            positive[i] = examples.get(i).abusive();
            abusive += positive[i] ? 1 : 0;
        }
        return new Result(scores.length, abusive, RankingMetrics.rocAuc(scores, positive),
                RankingMetrics.atRecall(scores, positive, TARGET_RECALL, TARGET_PREVALENCE));
    }
}
