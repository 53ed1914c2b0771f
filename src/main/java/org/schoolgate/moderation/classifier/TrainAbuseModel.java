package org.schoolgate.moderation.classifier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the abuse model: OpenNLP maxent document categorizer, L-BFGS (quasi-Newton) trainer with L2
 * regularisation, token unigrams and bigrams of the normalised text. Only OpenNLP's own feature
 * generators are used, so loading the model needs no {@code ExtensionLoader.registerAllowedPackage}.
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=org.schoolgate.moderation.classifier.TrainAbuseModel \
 *   -Dexec.args="--train ../shared/data/abuse/train.tsv --dev ../shared/data/abuse/dev.tsv --out src/main/resources/moderation"
 * </pre>
 * Options (defaults are the shipped settings): {@code --l2 1.0 --l1 0 --cutoff 3 --iterations 300}; {@code --dev} is only evaluated on, never trained on.
 */
public final class TrainAbuseModel {

    record Settings(double l2, double l1, int cutoff, int iterations) {
    }

    public static void main(String[] args) throws IOException {
        Path train = null;
        Path dev = null;
        Path out = null;
        Settings s = new Settings(1.0, 0.0, 3, 300);
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--train" -> train = Path.of(v);
                case "--dev" -> dev = Path.of(v);
                case "--out" -> out = Path.of(v);
                case "--l2" -> s = new Settings(Double.parseDouble(v), s.l1(), s.cutoff(), s.iterations());
                case "--l1" -> s = new Settings(s.l2(), Double.parseDouble(v), s.cutoff(), s.iterations());
                case "--cutoff" -> s = new Settings(s.l2(), s.l1(), Integer.parseInt(v), s.iterations());
                case "--iterations" -> s = new Settings(s.l2(), s.l1(), s.cutoff(), Integer.parseInt(v));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (train == null) {
            System.err.println("usage: TrainAbuseModel --train train.tsv [--dev dev.tsv] [--out dir] "
                    + "[--l2 1.0] [--l1 0] [--cutoff 3] [--iterations 300]");
            System.exit(2);
        }
        TextNormaliser normaliser = Lexicons.load().normaliser();
        List<LabelledExample> examples = LabelledExample.read(train);
        long start = System.nanoTime();
        DoccatModel model = train(examples, normaliser, s);
        System.out.printf(Locale.ROOT, "trained on %d examples in %.1f s (%s)%n", examples.size(),
                (System.nanoTime() - start) / 1e9, s);
        double prevalence = examples.stream().filter(LabelledExample::abusive).count() / (double) examples.size();

        Path bin = Files.createTempFile("abuse-model", ".bin");
        try (OutputStream o = Files.newOutputStream(bin)) {
            model.serialize(o);
        }
        byte[] bytes = Files.readAllBytes(bin);
        LocalDate today = LocalDate.now(Clock.systemUTC());
        // the hash covers the weights only, not the zip's timestamps: the same data and settings give the same version suffix
        String version = "abuse-maxent-qn-" + today.toString().replace("-", "") + "-" + sha256(weights(bytes)).substring(0, 8);
        System.out.printf(Locale.ROOT, "model %s: %,d bytes%n", version, bytes.length);

        if (dev != null) {
            AbuseModel scorer = new AbuseModel(model, version, prevalence, ModelEvaluation.TARGET_PREVALENCE);
            ModelEvaluation.Result r = ModelEvaluation.evaluate(LabelledExample.read(dev),
                    text -> scorer.probability(normaliser.normalise(text).tokens()));
            System.out.println(r.report(dev.getFileName().toString()));
        }
        if (out != null) {
            Files.createDirectories(out);
            Files.write(out.resolve("abuse-model.bin"), bytes);
            Files.writeString(out.resolve("abuse-model.properties"), String.join("\n",
                    "# written by TrainAbuseModel; read by AbuseModel",
                    "version=" + version,
                    "trained-on=" + train.getFileName() + " (" + examples.size() + " examples)",
                    "training-prevalence=" + prevalence,
                    "trainer=MAXENT_QN (L-BFGS), L2Cost=" + s.l2() + ", L1Cost=" + s.l1() + ", cutoff=" + s.cutoff()
                            + ", iterations=" + s.iterations(),
                    "features=bag of words + word bigrams of TextNormaliser tokens",
                    "date=" + today, ""));
            System.out.println("wrote " + out.resolve("abuse-model.bin"));
        }
        Files.delete(bin);
    }

    static DoccatModel train(List<LabelledExample> examples, TextNormaliser normaliser, Settings s) throws IOException {
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (LabelledExample e : examples) {
            String[] tokens = normaliser.normalise(e.text()).tokens();
            samples.add(new DocumentSample(e.abusive() ? LabelledExample.ABUSIVE : LabelledExample.OK, tokens));
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        params.put(QNTrainer.L2COST_PARAM, s.l2());
        params.put(QNTrainer.L1COST_PARAM, s.l1());
        params.put(TrainingParameters.CUTOFF_PARAM, s.cutoff());
        params.put(TrainingParameters.ITERATIONS_PARAM, s.iterations());
        params.put(QNTrainer.THREADS_PARAM, 1);
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
        return DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples), params, factory);
    }

    static byte[] weights(byte[] modelZip) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(modelZip))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".model")) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new IOException("the serialised model has no .model entry");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
