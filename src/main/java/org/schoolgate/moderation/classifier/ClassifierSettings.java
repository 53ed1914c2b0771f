package org.schoolgate.moderation.classifier;

/**
 * @param expectedPrevalence   share of abusive comments expected on a school's page; the model's score is
 *                             re-weighted to it
 * @param abuseThreshold       abuse score from which a comment is flagged {@code abuse} (severity low)
 * @param strongAbuseThreshold abuse score from which {@code abuse} is severity medium
 */
public record ClassifierSettings(double expectedPrevalence, double abuseThreshold, double strongAbuseThreshold) {

    /** The defaults of {@code schoolgate.classifier.*}; the thresholds were read off dev.tsv (see the model card). */
    public static final ClassifierSettings DEFAULTS = new ClassifierSettings(0.05, 0.15, 0.6);
}
