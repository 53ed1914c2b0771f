package org.schoolgate.moderation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the classifier should know about the school a comment was left for: the names of pupils on roll
 * and of staff. Build it once per school (per scan), not once per comment: the names are indexed here.
 *
 * <p>Pupils are recognised by first name + surname (a first name alone is too common to mean a pupil);
 * staff by full name or by title + surname ("Mrs Patel").
 */
public final class ClassificationContext {

    public static final ClassificationContext NONE = new ClassificationContext(List.of(), List.of());

    private static final List<String> TITLES = List.of("mr", "mrs", "ms", "miss", "mx", "dr", "sir");

    public enum PersonKind { PUPIL, STAFF }

    /** A person of the school as written in a comment. */
    public record KnownPerson(String name, PersonKind kind) {
    }

    private record Form(String[] words, KnownPerson person) {
    }

    private final Map<String, List<Form>> byFirstWord = new HashMap<>();

    private ClassificationContext(List<String> pupilNames, List<String> staffNames) {
        for (String name : pupilNames) {
            add(name, PersonKind.PUPIL, false);
        }
        for (String name : staffNames) {
            add(name, PersonKind.STAFF, true);
        }
    }

    /** @param pupilNames full names ("Ava Smith") of pupils on roll; @param staffNames full names of staff */
    public static ClassificationContext of(List<String> pupilNames, List<String> staffNames) {
        return new ClassificationContext(pupilNames, staffNames);
    }

    private void add(String name, PersonKind kind, boolean withTitles) {
        String[] words = words(name);
        if (words.length < 2) {
            return;
        }
        KnownPerson person = new KnownPerson(name.strip(), kind);
        index(words, person);
        if (withTitles) {
            for (String title : TITLES) {
                index(new String[] {title, words[words.length - 1]}, person);
            }
        }
    }

    private void index(String[] words, KnownPerson person) {
        byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>(2)).add(new Form(words, person));
    }

    /** The school's people named in normalised tokens (lower case, apostrophes removed), each once. */
    public List<KnownPerson> peopleIn(String[] tokens) {
        if (byFirstWord.isEmpty()) {
            return Collections.emptyList();
        }
        List<KnownPerson> found = null;
        for (int i = 0; i < tokens.length; i++) {
            List<Form> forms = byFirstWord.get(tokens[i]);
            if (forms == null) {
                continue;
            }
            for (Form f : forms) {
                if (matches(f.words(), tokens, i)) {
                    if (found == null) {
                        found = new ArrayList<>(2);
                    }
                    if (!found.contains(f.person())) {
                        found.add(f.person());
                    }
                }
            }
        }
        return found == null ? Collections.emptyList() : found;
    }

    private static boolean matches(String[] words, String[] tokens, int at) {
        if (at + words.length > tokens.length) {
            return false;
        }
        for (int k = 1; k < words.length; k++) {
            if (!words[k].equals(tokens[at + k])) {
                return false;
            }
        }
        return true;
    }

    /** The same shape the text normaliser gives: accents off, lower case, apostrophes dropped, split on the rest. */
    static String[] words(String name) {
        return NameTokens.words(name);
    }
}
