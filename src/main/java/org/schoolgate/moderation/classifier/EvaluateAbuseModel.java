package org.schoolgate.moderation.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.ClassificationContext;
import org.schoolgate.moderation.Verdict;

/**
 * Evaluates the shipped classifier (normalisation, model, rules: the same {@code abusive} score the
 * classify API returns) on a labelled TSV and prints ROC-AUC and precision at 90 % recall re-weighted to
 * 5 % prevalence, plus how often each category fired.
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=org.schoolgate.moderation.classifier.EvaluateAbuseModel \
 *   -Dexec.args="../shared/data/abuse/dev.tsv"
 * </pre>
 */
public final class EvaluateAbuseModel {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: EvaluateAbuseModel labelled.tsv");
            System.exit(2);
        }
        Path tsv = Path.of(args[0]);
        CommentClassifier classifier = CommentClassifier.loadDefault(ClassifierSettings.DEFAULTS);
        List<LabelledExample> examples = LabelledExample.read(tsv);
        Map<Category, Integer> fired = new EnumMap<>(Category.class);
        ModelEvaluation.Result r = ModelEvaluation.evaluate(examples, text -> {
            Verdict v = classifier.classify(text, ClassificationContext.NONE);
            v.categories().forEach(c -> fired.merge(c, 1, Integer::sum));
            return v.abusive();
        });
        System.out.println("model: " + classifier.modelVersion());
        System.out.print(r.report(tsv.toString()));
        System.out.println("targets: ROC-AUC >= 0.98 " + (r.rocAuc() >= 0.98 ? "met" : "NOT met")
                + "; precision >= 0.70 " + (r.atRecall().precision() >= 0.70 ? "met" : "NOT met"));
        System.out.println("categories fired (with the default thresholds): " + fired);
    }
}
