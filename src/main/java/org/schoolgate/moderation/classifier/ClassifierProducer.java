package org.schoolgate.moderation.classifier;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import org.schoolgate.moderation.AbuseClassifier;

/** Loads the model and lexicons once, at startup, so that no request pays for it. */
@ApplicationScoped
public class ClassifierProducer {

    private static final Logger LOG = Logger.getLogger(ClassifierProducer.class);

    @Produces
    @ApplicationScoped
    @Startup
    AbuseClassifier classifier(ClassifierConfig config) {
        CommentClassifier classifier = CommentClassifier.loadDefault(config.settings());
        LOG.infof("Abuse classifier %s loaded", classifier.modelVersion());
        return classifier;
    }
}
