package org.schoolgate.posts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.moderation.ContactPatterns;
import org.schoolgate.moderation.NameTokens;

/**
 * Names and personal data in a caption (SPEC §2.1): found by matching the school's roster, never by
 * guessing. Words are compared after {@link NameTokens} (case, accents, punctuation, line breaks and
 * possessives do not matter: "AVA'S" is "Ava").
 *
 * <ul>
 *   <li>A pupil tagged on a picture may be named only as far as their consent allows for every channel of
 *       the post: no name at all (first name, preferred name or surname alone count), first name only (the
 *       surname alone or the full name counts), or the full name.</li>
 *   <li>Any other pupil on the roll named in full (first or preferred name followed by the surname) blocks the
 *       caption: their consent was never asked. A first name alone is too common to mean that pupil.</li>
 *   <li>Contact details (UK phone numbers, e-mail addresses, postcodes, street addresses) block it too, except the
 *       school's own public ones (the office phone, e-mail and address), however they are spaced or cased.</li>
 * </ul>
 */
public final class CaptionCheck {

    /** A pupil on the roll, as the roster has them. */
    public record RosterPupil(long id, String firstName, String preferredName, String surname) {
        String displayName() {
            return (preferredName == null || preferredName.isBlank() ? firstName : preferredName) + " " + surname;
        }
    }

    /** A pupil tagged on one of the pictures, with the strictest name allowance across the post's channels. */
    public record Tagged(long pupilId, NameAllowance allowance, String allowanceWords) {
    }

    public enum Kind { NAME, PERSONAL_DATA }

    /** One reason to refuse the caption; {@code word} is the text as the caption has it. */
    public record Finding(Kind kind, Long pupilId, String word, String reason) {
    }

    private enum Part { FIRST, SURNAME, FULL }

    private record Form(String[] words, RosterPupil pupil, Part part, String label) {
    }

    private final Map<Long, RosterPupil> pupils = new LinkedHashMap<>();
    private final Map<String, List<Form>> byFirstWord = new HashMap<>();
    private final Set<String> schoolContacts = new HashSet<>();

    /** @param roster every pupil on the roll, and every tagged pupil (even one who has left) */
    public CaptionCheck(Collection<RosterPupil> roster) {
        this(roster, List.of());
    }

    /**
     * @param roster every pupil on the roll, and every tagged pupil (even one who has left)
     * @param schoolContacts the school's own public contact details, which a caption may give
     */
    public CaptionCheck(Collection<RosterPupil> roster, Collection<String> schoolContacts) {
        for (String line : schoolContacts) {
            ContactPatterns.find(line).forEach(c -> this.schoolContacts.add(c.key()));
        }
        for (RosterPupil p : roster) {
            if (pupils.putIfAbsent(p.id(), p) != null) {
                continue;
            }
            String[] surname = NameTokens.words(p.surname());
            Set<String> firsts = new LinkedHashSet<>();
            firsts.add(p.firstName());
            if (p.preferredName() != null && !p.preferredName().isBlank()) {
                firsts.add(p.preferredName());
            }
            for (String first : firsts) {
                String[] f = NameTokens.words(first);
                index(f, p, Part.FIRST, first.strip());
                index(concat(f, surname), p, Part.FULL, first.strip() + " " + p.surname().strip());
            }
            index(surname, p, Part.SURNAME, p.surname().strip());
        }
    }

    private void index(String[] words, RosterPupil p, Part part, String label) {
        if (words.length > 0) {
            byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>(2)).add(new Form(words, p, part, label));
        }
    }

    /** Every problem with the caption, names first, each name once per pupil. */
    public List<Finding> check(String caption, Collection<Tagged> tagged) {
        List<Finding> findings = new ArrayList<>();
        if (caption == null || caption.isBlank()) {
            return findings;
        }
        Map<Long, Tagged> tags = new HashMap<>();
        tagged.forEach(t -> tags.put(t.pupilId(), t));
        String[] tokens = NameTokens.wordsWithoutPossessives(caption);
        // per pupil, the most telling form found (a full name says more than a surname alone)
        Map<Long, Form> found = new LinkedHashMap<>();
        Set<Integer> fullNameStarts = new java.util.HashSet<>();
        for (int i = 0; i < tokens.length; i++) {
            for (Form f : byFirstWord.getOrDefault(tokens[i], List.of())) {
                if (!matches(f.words(), tokens, i)) {
                    continue;
                }
                Form before = found.get(f.pupil().id());
                if (before == null || f.part().ordinal() > before.part().ordinal()) {
                    found.put(f.pupil().id(), f);
                }
                if (f.part() == Part.FULL && allowsFull(tags.get(f.pupil().id()))) {
                    fullNameStarts.add(i);
                }
            }
        }
        for (Form f : found.values()) {
            RosterPupil p = f.pupil();
            String written = f.label();
            Tagged t = tags.get(p.id());
            if (t != null) {
                boolean beyond = switch (t.allowance()) {
                    case FULL_NAME -> false;
                    case FIRST_NAME -> f.part() != Part.FIRST;
                    case NONE -> true;
                };
                if (beyond) {
                    findings.add(new Finding(Kind.NAME, p.id(), written, "The caption names " + p.displayName()
                            + " (“" + written + "”), who is tagged on a picture; their consent allows "
                            + t.allowanceWords() + " on this post's channels"));
                }
            } else if (f.part() == Part.FULL && !sameWordsAsAllowedTaggedName(f, tokens, fullNameStarts)) {
                findings.add(new Finding(Kind.NAME, p.id(), written, "The caption names the pupil " + p.displayName()
                        + " (“" + written + "”), who is not tagged on any picture: remove the name, or tag them if "
                        + "they are shown so that their consent decides"));
            }
        }
        for (ContactPatterns.Found c : ContactPatterns.find(caption)) {
            if (schoolContacts.contains(c.key())) {
                continue;
            }
            findings.add(new Finding(Kind.PERSONAL_DATA, null, c.text(), "The caption contains " + c.kind()
                    + " (“" + c.text() + "”): remove personal data before it goes out"));
        }
        return findings;
    }

    /** Two pupils with the same name: a tagged one allowed their full name covers the other one's name too. */
    private static boolean sameWordsAsAllowedTaggedName(Form f, String[] tokens, Set<Integer> fullNameStarts) {
        for (int start : fullNameStarts) {
            if (matches(f.words(), tokens, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowsFull(Tagged t) {
        return t != null && t.allowance() == NameAllowance.FULL_NAME;
    }

    private static boolean matches(String[] words, String[] tokens, int at) {
        if (at + words.length > tokens.length) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!words[k].equals(tokens[at + k])) {
                return false;
            }
        }
        return true;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
