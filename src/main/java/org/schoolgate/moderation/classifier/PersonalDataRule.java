package org.schoolgate.moderation.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.ClassificationContext.KnownPerson;
import org.schoolgate.moderation.ClassificationContext.PersonKind;

/**
 * Personal data in a public comment: UK phone numbers, e-mail addresses, postcodes, street addresses,
 * and the names of the school's pupils and staff. The "why" says what kind was found, never the data
 * itself for contact details (the reviewer sees the comment anyway; the reason may be logged or e-mailed).
 */
public final class PersonalDataRule {

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:\\+44\\s?\\(?0?\\)?\\s?|0044\\s?|\\(?0)(?:\\d[\\s\\-)]?){9,10}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern POSTCODE = Pattern.compile(
            "\\b(?:GIR ?0AA|[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})\\b");
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b\\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z]+ ){1,2}(?i:road|rd|street|st|avenue|ave|lane|close|drive|way|crescent"
                    + "|grove|gardens|court|place|terrace|mews|row|walk|square|hill)\\b");

    public Finding check(Comment c) {
        List<String> kinds = null;
        String plain = c.plain();
        int digits = 0;
        for (int i = 0; i < plain.length(); i++) {
            if (plain.charAt(i) >= '0' && plain.charAt(i) <= '9') {
                digits++;
            }
        }
        if (digits >= 10 && PHONE.matcher(plain).find()) {
            kinds = add(kinds, "a phone number");
        }
        if (plain.indexOf('@') > 0 && EMAIL.matcher(plain).find()) {
            kinds = add(kinds, "an e-mail address");
        }
        if (digits > 0 && mayHoldPostcode(plain) && POSTCODE.matcher(plain).find()) {
            kinds = add(kinds, "a postcode");
        }
        if (digits > 0 && mayHoldAddress(plain) && ADDRESS.matcher(plain).find()) {
            kinds = add(kinds, "a street address");
        }
        for (KnownPerson p : c.ctx().peopleIn(c.tokens())) {
            kinds = add(kinds, (p.kind() == PersonKind.PUPIL ? "the name of pupil " : "the name of staff member ")
                    + p.name());
        }
        return kinds == null ? null : Finding.of(Category.PERSONAL_DATA, "personal data: " + String.join(", ", kinds));
    }

    /** Cheap pre-check (the regex is the slow part of this rule): a digit, two letters, then no letter. */
    private static boolean mayHoldPostcode(String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            if (Character.isDigit(s.charAt(i)) && Character.isLetter(s.charAt(i + 1)) && Character.isLetter(s.charAt(i + 2))
                    && (i + 3 == s.length() || !Character.isLetterOrDigit(s.charAt(i + 3)))) {
                return true;
            }
        }
        return false;
    }

    /** Cheap pre-check: a house number followed by a capitalised word. */
    private static boolean mayHoldAddress(String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                int j = i + 1;
                if (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == ',') {
                    j++;
                }
                if (j + 1 < s.length() && s.charAt(j) == ' ' && Character.isUpperCase(s.charAt(j + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the finding names a pupil or contact details, not only a member of staff. */
    static boolean beyondStaffNames(Finding f) {
        return f.why().contains("pupil") || f.why().contains("phone") || f.why().contains("e-mail")
                || f.why().contains("postcode") || f.why().contains("address");
    }

    private static List<String> add(List<String> kinds, String kind) {
        List<String> k = kinds == null ? new ArrayList<>(2) : kinds;
        k.add(kind);
        return k;
    }
}
