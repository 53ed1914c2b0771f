package org.schoolgate.moderation.classifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.doccat.DoccatModel;

/**
 * The retraining loop (issue 7): retrains the abuse model on the shared training data plus a school's review
 * labels (exported from {@code GET /api/comments/labels.tsv}: hidden, deleted or escalated = abusive, dismissed =
 * ok) and prints the shipped model's and the retrained model's figures on the dev set. The dev set is only
 * evaluated on: a label whose text is also in dev is dropped (and counted), so dev is never trained on. The
 * shipped model is not replaced unless {@code --write} is given.
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=org.schoolgate.moderation.classifier.RetrainWithSchoolLabels \
 *   -Dexec.args="--train ../shared/data/abuse/train.tsv --dev ../shared/data/abuse/dev.tsv --labels schoolgate-labels.tsv"
 * </pre>
 * Options: {@code --labels} may be repeated; {@code --weight 5} counts each school label five times (the school's
 * few hundred labels would otherwise vanish among 17,000 tweets; default 3); {@code --write --out dir} writes the
 * retrained model there ({@code src/main/resources/moderation} replaces the shipped one).
 */
public final class RetrainWithSchoolLabels {

    /** What a retraining gave: figures before and after on dev, and on the school's own labels. */
    public record Outcome(ModelEvaluation.Result devBefore, ModelEvaluation.Result devAfter,
                          ModelEvaluation.Result labelsBefore, ModelEvaluation.Result labelsAfter, int labelsUsed,
                          int droppedBecauseInDev, DoccatModel model, double trainingPrevalence) {
    }

    private RetrainWithSchoolLabels() {
    }

    public static void main(String[] args) throws IOException {
        Path train = null;
        Path dev = null;
        Path out = null;
        boolean write = false;
        int weight = 3;
        List<Path> labelFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> train = Path.of(args[++i]);
                case "--dev" -> dev = Path.of(args[++i]);
                case "--labels" -> labelFiles.add(Path.of(args[++i]));
                case "--weight" -> weight = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--write" -> write = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (train == null || dev == null || labelFiles.isEmpty()) {
            System.err.println("usage: RetrainWithSchoolLabels --train train.tsv --dev dev.tsv --labels labels.tsv "
                    + "[--labels more.tsv] [--weight 3] [--write --out dir]");
            System.exit(2);
        }
        List<LabelledExample> labels = new ArrayList<>();
        for (Path p : labelFiles) {
            labels.addAll(LabelledExample.read(p));
        }
        TextNormaliser normaliser = Lexicons.load().normaliser();
        long start = System.nanoTime();
        Outcome o = run(LabelledExample.read(train), LabelledExample.read(dev), labels, weight, normaliser,
                AbuseModel.loadDefault(ModelEvaluation.TARGET_PREVALENCE));
        System.out.printf(Locale.ROOT, "school labels: %d used (weight %d), %d dropped because the text is in dev; "
                + "retrained in %.1f s%n%n", o.labelsUsed(), weight, o.droppedBecauseInDev(), (System.nanoTime() - start) / 1e9);
        System.out.println("BEFORE (shipped model)\n" + o.devBefore().report(dev.getFileName().toString()));
        System.out.println("AFTER (retrained with the school's labels)\n" + o.devAfter().report(dev.getFileName().toString()));
        System.out.printf(Locale.ROOT, "dev ROC-AUC %+.4f, precision at 90 %% recall %+.4f%n%n",
                o.devAfter().rocAuc() - o.devBefore().rocAuc(),
                o.devAfter().atRecall().precision() - o.devBefore().atRecall().precision());
        if (o.labelsBefore() != null) {
            System.out.println("on the school's labels, shipped model (they were not trained on)\n"
                    + o.labelsBefore().report("school labels"));
            System.out.println("on the school's labels, retrained model (trained on them: not a fair test)\n"
                    + o.labelsAfter().report("school labels"));
        }
        if (write && out != null) {
            writeModel(o, out, train.getFileName() + " + " + o.labelsUsed() + " school labels x" + weight);
        } else {
            System.out.println("the model was not written (give --write --out DIR to write it; "
                    + "--out src/main/resources/moderation replaces the shipped model)");
        }
    }

    /** Retrains on train + (labels not in dev) × weight; evaluates the shipped and the new model. */
    public static Outcome run(List<LabelledExample> train, List<LabelledExample> dev, List<LabelledExample> labels,
                              int weight, TextNormaliser normaliser, AbuseModel shipped) throws IOException {
        if (weight < 1) {
            throw new IllegalArgumentException("--weight must be at least 1");
        }
        Set<String> devTexts = new HashSet<>();
        for (LabelledExample e : dev) {
            devTexts.add(key(e.text(), normaliser));
        }
        List<LabelledExample> kept = new ArrayList<>();
        int dropped = 0;
        for (LabelledExample l : labels) {
            if (devTexts.contains(key(l.text(), normaliser))) {
                dropped++;
            } else {
                kept.add(l);
            }
        }
        List<LabelledExample> all = new ArrayList<>(train);
        for (int i = 0; i < weight; i++) {
            all.addAll(kept);
        }
        DoccatModel model = TrainAbuseModel.train(all, normaliser, new TrainAbuseModel.Settings(1.0, 0.0, 3, 300));
        double prevalence = all.stream().filter(LabelledExample::abusive).count() / (double) all.size();
        AbuseModel retrained = new AbuseModel(model, "retrained", prevalence, ModelEvaluation.TARGET_PREVALENCE);
        ModelEvaluation.Result devBefore = ModelEvaluation.evaluate(dev, t -> shipped.probability(normaliser.normalise(t).tokens()));
        ModelEvaluation.Result devAfter = ModelEvaluation.evaluate(dev, t -> retrained.probability(normaliser.normalise(t).tokens()));
        boolean bothClasses = kept.stream().anyMatch(LabelledExample::abusive) && kept.stream().anyMatch(e -> !e.abusive());
        ModelEvaluation.Result labelsBefore = bothClasses
                ? ModelEvaluation.evaluate(kept, t -> shipped.probability(normaliser.normalise(t).tokens())) : null;
        ModelEvaluation.Result labelsAfter = bothClasses
                ? ModelEvaluation.evaluate(kept, t -> retrained.probability(normaliser.normalise(t).tokens())) : null;
        return new Outcome(devBefore, devAfter, labelsBefore, labelsAfter, kept.size(), dropped, model, prevalence);
    }

    private static String key(String text, TextNormaliser normaliser) {
        return String.join(" ", normaliser.normalise(text).tokens());
    }

    private static void writeModel(Outcome o, Path out, String trainedOn) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        o.model().serialize(bytes);
        byte[] bin = bytes.toByteArray();
        LocalDate today = LocalDate.now(Clock.systemUTC());
        String version = "abuse-maxent-qn-" + today.toString().replace("-", "") + "-"
                + TrainAbuseModel.sha256(TrainAbuseModel.weights(bin)).substring(0, 8);
        Files.createDirectories(out);
        Files.write(out.resolve("abuse-model.bin"), bin);
        Files.writeString(out.resolve("abuse-model.properties"), String.join("\n",
                "# written by RetrainWithSchoolLabels; read by AbuseModel",
                "version=" + version,
                "trained-on=" + trainedOn,
                "training-prevalence=" + o.trainingPrevalence(),
                "trainer=MAXENT_QN (L-BFGS), L2Cost=1.0, L1Cost=0.0, cutoff=3, iterations=300",
                "features=bag of words + word bigrams of TextNormaliser tokens",
                "date=" + today, ""));
        System.out.println("wrote " + out.resolve("abuse-model.bin") + " (" + version + ")");
    }
}
