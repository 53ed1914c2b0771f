package org.schoolgate.moderation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the classifier should know about the school a comment was left for: the names of pupils on roll
 * and of staff, and the school's own public contact details (the office phone a parent quotes is not personal
 * data). Build it once per school (per scan), not once per comment: the names are indexed here.
 *
 * <p>Pupils are recognised by first name + surname (a first name alone is too common to mean a pupil);
 * staff by full name or by title + surname ("Mrs Patel").
 */
public final class ClassificationContext {

    public static final ClassificationContext NONE = new ClassificationContext(List.of(), List.of(), List.of());

    private static final List<String> TITLES = List.of("mr", "mrs", "ms", "miss", "mx", "dr", "sir");

    public enum PersonKind { PUPIL, STAFF }

    /** A person of the school as written in a comment. */
    public record KnownPerson(String name, PersonKind kind) {
    }

    private record Form(String[] words, KnownPerson person) {
    }

    private final Map<String, List<Form>> byFirstWord = new HashMap<>();
    private final Set<String> schoolContacts = new HashSet<>();

    private ClassificationContext(List<String> pupilNames, List<String> staffNames, List<String> schoolContactLines) {
        for (String line : schoolContactLines) {
            ContactPatterns.find(line).forEach(c -> schoolContacts.add(c.key()));
        }
        for (String name : pupilNames) {
            add(name, PersonKind.PUPIL, false);
        }
        for (String name : staffNames) {
            add(name, PersonKind.STAFF, true);
        }
    }

    /** @param pupilNames full names ("Ava Smith") of pupils on roll; @param staffNames full names of staff */
    public static ClassificationContext of(List<String> pupilNames, List<String> staffNames) {
        return new ClassificationContext(pupilNames, staffNames, List.of());
    }

    /** As {@link #of(List, List)}, with the school's public contact details (lines as the admin wrote them). */
    public static ClassificationContext of(List<String> pupilNames, List<String> staffNames,
                                           List<String> schoolContactLines) {
        return new ClassificationContext(pupilNames, staffNames, schoolContactLines);
    }

    /** The kinds of contact data in the text, each once, leaving out the school's own public details. */
    public List<String> contactKindsIn(String text) {
        List<String> kinds = ContactPatterns.kindsIn(text);
        if (kinds.isEmpty() || schoolContacts.isEmpty()) {
            return kinds;
        }
        return ContactPatterns.find(text).stream().filter(f -> !schoolContacts.contains(f.key()))
                .map(ContactPatterns.Found::kind).distinct().toList();
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
