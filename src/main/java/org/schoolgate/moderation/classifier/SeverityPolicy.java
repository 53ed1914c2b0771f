package org.schoolgate.moderation.classifier;

import org.schoolgate.moderation.Category;
import org.schoolgate.review.Severity;

/**
 * How urgent each finding is. Threats are critical (immediate alert); hate, allegations about named people
 * and sexual content are high (safeguarding, police or LADO may follow); personal data of pupils or contact
 * details is medium, staff names alone low; abuse is low, medium when the model is sure; complaints, spam
 * and text the model cannot judge are low.
 */
public final class SeverityPolicy {

    private final double strongAbuse;

    public SeverityPolicy(double strongAbuse) {
        this.strongAbuse = strongAbuse;
    }

    public Severity of(Finding f) {
        return switch (f.category()) {
            case THREAT -> Severity.CRITICAL;
            case HATE, ALLEGATION, SEXUAL -> Severity.HIGH;
            case PERSONAL_DATA -> PersonalDataRule.beyondStaffNames(f) ? Severity.MEDIUM : Severity.LOW;
            case ABUSE -> f.score() >= strongAbuse ? Severity.MEDIUM : Severity.LOW;
            case COMPLAINT, SPAM, UNJUDGED_LANGUAGE -> Severity.LOW;
            case OK -> Severity.NONE;
        };
    }
}
