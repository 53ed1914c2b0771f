package org.schoolgate.moderation.classifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.schoolgate.moderation.ClassificationContext;

/**
 * Throughput of {@link CommentClassifier#classify} on one thread (normalisation, model and every rule,
 * with a roster of 300 pupils and 60 staff in the context), after a warm-up.
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=org.schoolgate.moderation.classifier.BenchmarkClassifier \
 *   -Dexec.args="../shared/data/abuse/dev.tsv"
 * </pre>
 * Without an argument it uses built-in school-page comments. Options after the file: warm-up and measured
 * seconds (default 5 and 10).
 */
public final class BenchmarkClassifier {

    private static final String[] BUILT_IN = {
        "Lovely to see the children enjoying sports day, well done everyone!",
        "Thank you Mrs Patel for organising the trip, Ava loved it",
        "This school is a disgrace, nobody replied to my email about the bus",
        "watch your back mr jones",
        "you're a f*cking 1d10t",
        "Call me on 07700 900123 if anyone found a blue coat",
        "Check my profile for FREE followers!!! https://spam.example/x https://spam.example/y",
        "Mr Smith hit my son and nothing was done",
        "Бесплатные подписчики здесь, пишите в личку",
        "Can't wait for the Christmas fair &amp; the raffle &#128514;",
    };

    public static void main(String[] args) throws IOException {
        List<String> texts = new ArrayList<>();
        if (args.length > 0) {
            for (LabelledExample e : LabelledExample.read(Path.of(args[0]))) {
                texts.add(e.text());
            }
        } else {
            texts.addAll(List.of(BUILT_IN));
        }
        double warmUp = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        double measure = args.length > 2 ? Double.parseDouble(args[2]) : 10;

        long loadStart = System.nanoTime();
        CommentClassifier classifier = CommentClassifier.loadDefault(ClassifierSettings.DEFAULTS);
        System.out.printf(Locale.ROOT, "model %s loaded in %.0f ms%n", classifier.modelVersion(),
                (System.nanoTime() - loadStart) / 1e6);
        ClassificationContext ctx = roster();
        run(classifier, ctx, texts, warmUp);
        long n = run(classifier, ctx, texts, measure);
        System.out.printf(Locale.ROOT, "%d texts, one thread: %,.0f comments/s (%.1f µs each)%n",
                texts.size(), n / measure, measure * 1e6 / n);
    }

    private static long run(CommentClassifier classifier, ClassificationContext ctx, List<String> texts, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sink += classifier.classify(texts.get((int) (n++ % texts.size())), ctx).categories().size();
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        return n;
    }

    static ClassificationContext roster() {
        String[] first = {"Ava", "Oliver", "Amelia", "George", "Isla", "Noah", "Mia", "Leo", "Freya", "Arthur",
            "Aisha", "Mohammed", "Zara", "Ravi", "Chloe"};
        String[] last = {"Smith", "Jones", "Patel", "Khan", "Brown", "Taylor", "Wilson", "Evans", "Thomas", "Roberts",
            "Walker", "Wright", "Hughes", "Green", "Hall", "Wood", "Clarke", "Lewis", "Young", "Allen"};
        List<String> pupils = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pupils.add(first[i % first.length] + " " + last[(i / first.length) % last.length]);
        }
        List<String> staff = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            staff.add(first[(i * 7) % first.length] + " " + last[(i * 3 + 1) % last.length] + "-" + i);
        }
        return ClassificationContext.of(pupils, staff);
    }
}
