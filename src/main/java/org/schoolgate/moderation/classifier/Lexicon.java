package org.schoolgate.moderation.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A curated list of words and phrases, matched against normalised tokens. Phrases are indexed by their
 * first word, so a lookup costs one hash probe per token; nothing is allocated unless something matches.
 */
public final class Lexicon {

    private static final String ANY = "*";

    private final String name;
    private final List<String> entries;
    private final Map<String, List<String[]>> byFirstWord = new HashMap<>();

    public Lexicon(String name, List<String> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
        for (String entry : this.entries) {
            String[] words = entry.split(" ");
            byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>(2)).add(words);
        }
    }

    /** Loads {@code /moderation/lexicons/<name>.txt} from the classpath. */
    public static Lexicon load(String name) {
        String path = "/moderation/lexicons/" + name + ".txt";
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Lexicon " + path + " is missing from the classpath");
            }
            List<String> entries = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String entry = line.strip().replaceAll("\\s+", " ");
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
            return new Lexicon(name, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public List<String> entries() {
        return entries;
    }

    /** Every single word of every entry, in file order (the normaliser's vocabulary). */
    public Set<String> words() {
        Set<String> words = new LinkedHashSet<>();
        for (String e : entries) {
            for (String w : e.split(" ")) {
                if (!w.equals(ANY)) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    public boolean contains(String word) {
        List<String[]> phrases = byFirstWord.get(word);
        if (phrases == null) {
            return false;
        }
        for (String[] p : phrases) {
            if (p.length == 1) {
                return true;
            }
        }
        return false;
    }

    /** The entries found in the tokens, each once, in the order they occur; empty (not allocated) if none. */
    public List<String> find(String[] tokens) {
        List<String> found = null;
        for (int i = 0; i < tokens.length; i++) {
            List<String[]> phrases = byFirstWord.get(tokens[i]);
            if (phrases == null) {
                continue;
            }
            for (String[] phrase : phrases) {
                if (matchesAt(phrase, tokens, i)) {
                    String entry = String.join(" ", phrase);
                    if (found == null) {
                        found = new ArrayList<>(2);
                    }
                    if (!found.contains(entry)) {
                        found.add(entry);
                    }
                }
            }
        }
        return found == null ? Collections.emptyList() : found;
    }

    private static boolean matchesAt(String[] phrase, String[] tokens, int at) {
        if (at + phrase.length > tokens.length) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!phrase[k].equals(ANY) && !phrase[k].equals(tokens[at + k])) {
                return false;
            }
        }
        return true;
    }
}
