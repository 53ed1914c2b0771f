package org.schoolgate.moderation.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.schoolgate.moderation.AbuseClassifier;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.ClassificationContext;
import org.schoolgate.moderation.Verdict;
import org.schoolgate.review.Severity;

/**
 * The abuse classifier: normalise, score with the OpenNLP model, run the rules, decide the severity.
 * Plain Java (the training, evaluation and benchmark commands use it without Quarkus); the application
 * gets one instance from {@link ClassifierProducer}. Thread-safe.
 */
public final class CommentClassifier implements AbuseClassifier {

    private final AbuseModel model;
    private final TextNormaliser normaliser;
    private final Lexicons lexicons;
    private final ClassifierSettings settings;
    private final SeverityPolicy severities;
    private final ThreatRule threat;
    private final LexiconRule hate;
    private final LexiconRule sexual;
    private final LexiconRule complaint;
    private final AllegationRule allegation;
    private final PersonalDataRule personalData = new PersonalDataRule();
    private final SpamRule spam;
    private final InsultRule insult;
    private final LanguageRule language;

    public CommentClassifier(AbuseModel model, Lexicons lexicons, ClassifierSettings settings) {
        this.model = model;
        this.lexicons = lexicons;
        this.normaliser = lexicons.normaliser();
        this.settings = settings;
        this.severities = new SeverityPolicy(settings.strongAbuseThreshold());
        this.threat = new ThreatRule(lexicons.threat());
        this.hate = new LexiconRule(Category.HATE, lexicons.hate(), "hate");
        this.sexual = new LexiconRule(Category.SEXUAL, lexicons.sexual(), "sexual");
        this.complaint = new LexiconRule(Category.COMPLAINT, lexicons.complaint(), "complaint");
        this.allegation = new AllegationRule(lexicons.accusation());
        this.spam = new SpamRule(lexicons.spam());
        this.insult = new InsultRule(lexicons.profanity());
        this.language = new LanguageRule(lexicons, model.vocabulary());
    }

    /** The shipped model and lexicons. */
    public static CommentClassifier loadDefault(ClassifierSettings settings) {
        return new CommentClassifier(AbuseModel.loadDefault(settings.expectedPrevalence()), Lexicons.load(), settings);
    }

    @Override
    public String modelVersion() {
        return model.version();
    }

    @Override
    public Verdict classify(String text, ClassificationContext ctx) {
        String plain = TextNormaliser.plain(text);
        NormalisedText normalised = normaliser.normalisePlain(plain);
        Comment c = new Comment(plain, normalised, ctx == null ? ClassificationContext.NONE : ctx);
        double abusive = model.probability(normalised.tokens());

        List<Finding> findings = new ArrayList<>(4);
        add(findings, threat.check(c));
        add(findings, hate.check(c));
        add(findings, abuse(c, abusive));
        add(findings, allegation.check(c));
        add(findings, personalData.check(c));
        add(findings, sexual.check(c));
        add(findings, complaint.check(c));
        add(findings, spam.check(c));
        add(findings, language.check(c));
        if (findings.isEmpty()) {
            return new Verdict(abusive, Map.of(Category.ABUSE, abusive), List.of(Category.OK), Severity.NONE,
                    model.version(), String.format(Locale.ROOT, "nothing fired; abuse score %.2f is below %.2f",
                    abusive, settings.abuseThreshold()));
        }
        return verdict(abusive, findings);
    }

    private Verdict verdict(double abusive, List<Finding> findings) {
        Severity severity = Severity.NONE;
        Severity[] each = new Severity[findings.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = severities.of(findings.get(i));
            severity = each[i].rank() > severity.rank() ? each[i] : severity;
        }
        // most severe first; findings are already in a sensible order within one severity
        List<Category> categories = new ArrayList<>(findings.size());
        StringBuilder why = new StringBuilder();
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        scores.put(Category.ABUSE, abusive);
        for (int rank = Severity.CRITICAL.rank(); rank >= Severity.NONE.rank(); rank--) {
            for (int i = 0; i < each.length; i++) {
                if (each[i].rank() == rank) {
                    Finding f = findings.get(i);
                    categories.add(f.category());
                    scores.put(f.category(), f.score());
                    if (!why.isEmpty()) {
                        why.append("; ");
                    }
                    why.append(f.why());
                }
            }
        }
        return new Verdict(abusive, Collections.unmodifiableMap(scores), Collections.unmodifiableList(categories),
                severity, model.version(), why.toString());
    }

    private Finding abuse(Comment c, double abusive) {
        if (abusive < settings.abuseThreshold()) {
            String aimed = insult.find(c.tokens());
            return aimed == null ? null : new Finding(Category.ABUSE, abusive,
                    String.format(Locale.ROOT, "insult: '%s' (model score %.2f)", aimed, abusive));
        }
        List<String> words = new ArrayList<>(lexicons.profanity().find(c.tokens()));
        words.addAll(lexicons.hate().find(c.tokens()));
        String reason = String.format(Locale.ROOT, "abusive language (model score %.2f)", abusive);
        return new Finding(Category.ABUSE, abusive, words.isEmpty() ? reason : reason + ": " + Words.quoted(words));
    }

    private static void add(List<Finding> findings, Finding f) {
        if (f != null) {
            findings.add(f);
        }
    }
}
