package org.schoolgate.moderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retraining loop on small made-up data: dev is never trained on, figures come out, nothing is written unasked. */
class RetrainWithSchoolLabelsTest {

    static final String[] BAD = {"idiot", "stupid", "moron", "scum", "pathetic", "useless", "disgusting", "loser"};
    static final String[] GOOD = {"lovely", "thanks", "great", "wonderful", "proud", "brilliant", "happy", "well done"};

    static List<LabelledExample> made(int n, long seed) {
        Random r = new Random(seed);
        List<LabelledExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean abusive = r.nextBoolean();
            String[] words = abusive ? BAD : GOOD;
            out.add(new LabelledExample(abusive, "you are " + words[r.nextInt(words.length)] + " and "
                    + words[r.nextInt(words.length)] + " today " + i % 7));
        }
        return out;
    }

    @Test
    void retrainsOnTrainPlusLabelsNeverOnDevAndReportsBeforeAndAfter() throws Exception {
        TextNormaliser normaliser = Lexicons.load().normaliser();
        List<LabelledExample> dev = made(60, 2);
        List<LabelledExample> labels = new ArrayList<>(List.of(
                new LabelledExample(true, "you absolute numpty, sort your school out"),
                new LabelledExample(false, "killer dance moves at the leavers assembly"),
                new LabelledExample(true, "what a plonker that teacher is")));
        labels.add(dev.get(0));
        var o = RetrainWithSchoolLabels.run(made(400, 1), dev, labels, 2, normaliser, AbuseModel.loadDefault(0.05));
        assertThat(o.droppedBecauseInDev()).isEqualTo(1);
        assertThat(o.labelsUsed()).isEqualTo(3);
        assertThat(o.devBefore().examples()).isEqualTo(60);
        assertThat(o.devAfter().examples()).isEqualTo(60);
        assertThat(o.devAfter().rocAuc()).as("the made-up words are easy").isGreaterThan(0.95);
        assertThat(o.labelsBefore()).isNotNull();
        assertThat(o.model()).isNotNull();
    }

    @Test
    void theShippedModelIsOnlyReplacedWhenAskedTo(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train.tsv");
        Path dev = dir.resolve("dev.tsv");
        Path labels = dir.resolve("labels.tsv");
        Files.writeString(train, tsv(made(300, 3)));
        Files.writeString(dev, tsv(made(40, 4)));
        Files.writeString(labels, "abusive\tyou numpty\tschool-hidden\nok\tkiller moves\tschool-dismissed\n");
        Path out = dir.resolve("model");
        RetrainWithSchoolLabels.main(new String[] {"--train", train.toString(), "--dev", dev.toString(),
                "--labels", labels.toString(), "--out", out.toString()});
        assertThat(out).doesNotExist();
        RetrainWithSchoolLabels.main(new String[] {"--train", train.toString(), "--dev", dev.toString(),
                "--labels", labels.toString(), "--out", out.toString(), "--write"});
        assertThat(out.resolve("abuse-model.bin")).exists();
        assertThat(Files.readString(out.resolve("abuse-model.properties"))).contains("2 school labels x3");
    }

    static String tsv(List<LabelledExample> examples) {
        StringBuilder b = new StringBuilder();
        examples.forEach(e -> b.append(e.abusive() ? "abusive" : "ok").append('\t').append(e.text()).append("\tmade\n"));
        return b.toString();
    }
}
