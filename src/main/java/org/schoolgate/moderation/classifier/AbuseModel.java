package org.schoolgate.moderation.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * The trained OpenNLP document categorizer (maxent, L-BFGS) that gives the abuse score. Loaded once;
 * {@link #probability} is thread-safe (the categorizer keeps no state between calls).
 *
 * <p>The model was trained where 83 % of examples are abusive, so its raw probability is far too high for
 * a school's page. {@link #probability} moves it to the expected prevalence by Bayes' rule on the odds
 * (a monotone change: rankings, ROC-AUC and precision-at-recall are the same as for the raw score).
 */
public final class AbuseModel {

    public static final String RESOURCE = "/moderation/abuse-model.bin";
    public static final String PROPERTIES = "/moderation/abuse-model.properties";

    /** How OpenNLP's BagOfWordsFeatureGenerator names a word feature. */
    private static final String BAG_OF_WORDS_PREFIX = "bow=";

    private final DoccatModel model;
    private final DocumentCategorizerME categorizer;
    private final int abusiveIndex;
    private final String version;
    private final double priorShift;

    public AbuseModel(DoccatModel model, String version, double trainingPrevalence, double expectedPrevalence) {
        this.model = model;
        this.categorizer = new DocumentCategorizerME(model);
        this.abusiveIndex = categorizer.getIndex(LabelledExample.ABUSIVE);
        if (abusiveIndex < 0) {
            throw new IllegalArgumentException("The model has no '" + LabelledExample.ABUSIVE + "' category");
        }
        this.version = version;
        this.priorShift = logit(expectedPrevalence) - logit(trainingPrevalence);
    }

    /** The model shipped in the application, re-weighted to {@code expectedPrevalence}. */
    public static AbuseModel loadDefault(double expectedPrevalence) {
        try (InputStream bin = AbuseModel.class.getResourceAsStream(RESOURCE);
             InputStream props = AbuseModel.class.getResourceAsStream(PROPERTIES)) {
            if (bin == null || props == null) {
                throw new IllegalStateException("The abuse model " + RESOURCE + " (and its properties) is missing; "
                        + "train it with org.schoolgate.moderation.classifier.TrainAbuseModel");
            }
            Properties p = new Properties();
            p.load(props);
            return new AbuseModel(new DoccatModel(bin), p.getProperty("version"),
                    Double.parseDouble(p.getProperty("training-prevalence")), expectedPrevalence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The words the model has weights for (its bag-of-words features): an English vocabulary of some ten
     * thousand words, slang included, that the language rule uses to recognise English.
     */
    public Set<String> vocabulary() {
        Set<String> words = new HashSet<>();
        if (model.getMaxentModel() instanceof AbstractModel m && m.getDataStructures()[1] instanceof Map<?, ?> predicates) {
            for (Object key : predicates.keySet()) {
                String k = key.toString();
                if (k.startsWith(BAG_OF_WORDS_PREFIX)) {
                    words.add(k.substring(BAG_OF_WORDS_PREFIX.length()));
                }
            }
        }
        return Set.copyOf(words);
    }

    public String version() {
        return version;
    }

    /** The model's probability that the text is abusive, before any prior shift. */
    public double rawProbability(String[] tokens) {
        return categorizer.categorize(tokens)[abusiveIndex];
    }

    /** Probability of abuse at the expected prevalence. */
    public double probability(String[] tokens) {
        double p = rawProbability(tokens);
        p = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
        return 1 / (1 + Math.exp(-(logit(p) + priorShift)));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
