package org.schoolgate.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact details in free text: UK phone numbers, e-mail addresses, postcodes and street addresses.
 * One definition for every place that looks for them (the comment classifier's personal-data rule and
 * the posts' caption check), so that both find the same things.
 */
public final class ContactPatterns {

    /** One piece of contact data: its kind in words ("a phone number") and the text as written. */
    public record Found(String kind, String text) {

        /**
         * The detail written one way, so that two spellings of it compare equal: a phone number as its digits in
         * the national form ("+44 (0)1632 960000" and "01632 960 000" are both 01632960000), an e-mail address or
         * street address in lower case with single spaces, a postcode in capitals without the space.
         */
        public String key() {
            return switch (kind) {
                case PHONE_KIND -> {
                    String digits = text.replaceAll("\\D", "");
                    if (digits.startsWith("0044")) {
                        digits = digits.substring(4);
                    } else if (digits.startsWith("44")) {
                        digits = digits.substring(2);
                    }
                    yield kind + ":" + (digits.startsWith("0") ? digits : "0" + digits);
                }
                case POSTCODE_KIND -> kind + ":" + text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
                default -> kind + ":" + text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            };
        }
    }

    public static final String PHONE_KIND = "a phone number";
    public static final String EMAIL_KIND = "an e-mail address";
    public static final String POSTCODE_KIND = "a postcode";
    public static final String ADDRESS_KIND = "a street address";

    static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:\\+44\\s?\\(?0?\\)?\\s?|0044\\s?|\\(?0)(?:\\d[\\s\\-)]?){9,10}(?!\\d)");
    static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
    static final Pattern POSTCODE = Pattern.compile(
            "\\b(?:GIR ?0AA|[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})\\b");
    static final Pattern ADDRESS = Pattern.compile(
            "\\b\\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z]+ ){1,2}(?i:road|rd|street|st|avenue|ave|lane|close|drive|way|crescent"
                    + "|grove|gardens|court|place|terrace|mews|row|walk|square|hill)\\b");

    private ContactPatterns() {
    }

    /**
     * The kinds of contact data in the text, each once, in the order phone, e-mail, postcode, address.
     * Cheap on ordinary text: each regular expression runs only when a quick scan says it could match.
     */
    public static List<String> kindsIn(String text) {
        List<String> kinds = List.of();
        for (Found f : find(text, true)) {
            if (kinds.isEmpty()) {
                kinds = new ArrayList<>(2);
            }
            kinds.add(f.kind());
        }
        return kinds;
    }

    /** Every piece of contact data in the text, with the words as written (for the author to correct). */
    public static List<Found> find(String text) {
        return find(text, false);
    }

    private static List<Found> find(String text, boolean firstOfEachKind) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                digits++;
            }
        }
        List<Found> found = null;
        if (digits >= 10) {
            found = collect(found, PHONE, PHONE_KIND, text, firstOfEachKind);
        }
        if (text.indexOf('@') > 0) {
            found = collect(found, EMAIL, EMAIL_KIND, text, firstOfEachKind);
        }
        if (digits > 0 && mayHoldPostcode(text)) {
            found = collect(found, POSTCODE, POSTCODE_KIND, text, firstOfEachKind);
        }
        if (digits > 0 && mayHoldAddress(text)) {
            found = collect(found, ADDRESS, ADDRESS_KIND, text, firstOfEachKind);
        }
        return found == null ? List.of() : found;
    }

    private static List<Found> collect(List<Found> found, Pattern p, String kind, String text, boolean firstOnly) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (found == null) {
                found = new ArrayList<>(2);
            }
            found.add(new Found(kind, m.group().strip()));
            if (firstOnly) {
                break;
            }
        }
        return found;
    }

    /** Cheap pre-check (the regex is the slow part): a digit, two letters, then no letter. */
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
}
