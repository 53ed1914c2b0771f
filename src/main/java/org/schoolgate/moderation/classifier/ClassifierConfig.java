package org.schoolgate.moderation.classifier;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "schoolgate.classifier")
public interface ClassifierConfig {

    /** Share of abusive comments expected on a school's page; the model's score is re-weighted to it. */
    @WithDefault("0.05")
    double expectedPrevalence();

    /** Abuse score (after re-weighting) from which a comment is flagged "abuse" (severity low). */
    @WithDefault("0.15")
    double abuseThreshold();

    /** Abuse score from which "abuse" is severity medium. */
    @WithDefault("0.6")
    double strongAbuseThreshold();

    default ClassifierSettings settings() {
        return new ClassifierSettings(expectedPrevalence(), abuseThreshold(), strongAbuseThreshold());
    }
}
