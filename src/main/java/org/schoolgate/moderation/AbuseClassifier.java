package org.schoolgate.moderation;

/**
 * The port the comment scan and the classify API use: text in, verdict out. Implemented by
 * {@code moderation.classifier.CommentClassifier} (OpenNLP model plus rules). Thread-safe.
 */
public interface AbuseClassifier {

    Verdict classify(String text, ClassificationContext ctx);

    /** The version of the model behind the abuse score, as shown in every verdict. */
    String modelVersion();
}
