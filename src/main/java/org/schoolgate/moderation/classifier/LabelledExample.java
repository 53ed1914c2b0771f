package org.schoolgate.moderation.classifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of the abuse TSV format: {@code label<TAB>text[<TAB>original_class]}, label {@code abusive} or {@code ok}. */
public record LabelledExample(boolean abusive, String text) {

    public static final String ABUSIVE = "abusive";
    public static final String OK = "ok";

    public static List<LabelledExample> read(Path tsv) throws IOException {
        List<LabelledExample> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 3);
            if (f.length < 2 || !(f[0].equals(ABUSIVE) || f[0].equals(OK))) {
                throw new IOException(tsv + " line " + lineNo + ": expected 'abusive|ok<TAB>text'");
            }
            out.add(new LabelledExample(f[0].equals(ABUSIVE), f[1]));
        }
        return out;
    }
}
