package org.schoolgate.moderation.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the usual ways of dodging a word filter before the model or a lexicon looks at a comment:
 * HTML entities, fullwidth and "fancy" letters, Cyrillic/Greek look-alikes, invisible characters, case,
 * links and @mentions (replaced by placeholders), leetspeak ({@code b1tch}), masking ({@code f*ck}),
 * stretched letters ({@code fuuuuck}) and spaced letters ({@code i d i o t}).
 *
 * <p>Masking and stretching are resolved against a vocabulary (the lexicon words): a masked or stretched
 * token only becomes a word we know; otherwise the mask characters are dropped. The training command runs
 * the same normaliser, so the model sees exactly what the classifier sees. Thread-safe and stateless.
 */
public final class TextNormaliser {

    /** Placeholder tokens; they cannot collide with a word because words never contain '_' after normalising. */
    public static final String URL = "_url_";
    public static final String MENTION = "_user_";
    public static final String EMAIL = "_email_";

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED_ENTITIES = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "hellip", "…",
            "rsquo", "'", "lsquo", "'", "pound", "£");
    private static final char HOMOGLYPH_BASE = 0x0370;
    private static final char[] HOMOGLYPHS = homoglyphTable();

    private final Set<String> vocabulary;
    private final Map<Integer, List<String>> vocabularyByLength = new HashMap<>();

    public TextNormaliser(Set<String> vocabulary) {
        this.vocabulary = vocabulary;
        for (String w : vocabulary) {
            if (w.indexOf(' ') < 0) {
                vocabularyByLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
            }
        }
    }

    public NormalisedText normalise(String raw) {
        return normalisePlain(plain(raw));
    }

    /**
     * The text as people read it: HTML entities decoded, compatibility characters (fullwidth digits,
     * mathematical letters) folded; case, spacing and punctuation kept. Phone and e-mail patterns run on this.
     */
    public static String plain(String raw) {
        String s = raw == null ? "" : raw;
        if (s.indexOf('&') >= 0) {
            s = decodeEntities(s);
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    /** {@link #normalise} for a text that already went through {@link #plain}. */
    public NormalisedText normalisePlain(String s) {
        int[] counts = new int[2];
        String folded = fold(s, counts);
        List<String> tokens = new ArrayList<>(24);
        int urls = 0;
        int mentions = 0;
        int n = folded.length();
        int i = 0;
        while (i < n) {
            while (i < n && folded.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && folded.charAt(i) != ' ') {
                i++;
            }
            if (start == i) {
                break;
            }
            String chunk = folded.substring(start, i);
            if (isUrl(chunk)) {
                tokens.add(URL);
                urls++;
            } else if (isEmail(chunk)) {
                tokens.add(EMAIL);
            } else if (isMention(chunk)) {
                tokens.add(MENTION);
                mentions++;
            } else {
                splitWords(chunk, tokens);
            }
        }
        joinSpacedLetters(tokens);
        return new NormalisedText(tokens.toArray(new String[0]), urls, mentions, counts[0], counts[1]);
    }

    static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        do {
            String e = m.group(1);
            String replacement;
            if (e.charAt(0) == '#') {
                boolean hex = e.length() > 1 && (e.charAt(1) == 'x' || e.charAt(1) == 'X');
                int cp = Integer.parseInt(hex ? e.substring(2) : e.substring(1), hex ? 16 : 10);
                replacement = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : " ";
            } else {
                replacement = NAMED_ENTITIES.getOrDefault(e.toLowerCase(java.util.Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Lower case, look-alikes folded to Latin, accents and invisible characters removed, every kind of
     * white space made a single ' '. counts[0] = letters, counts[1] = letters that stay non-Latin.
     */
    private static String fold(String s, int[] counts) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (!ascii) {
            // compatibility decomposition: fullwidth, mathematical bold, circled letters → plain; é → e + accent
            s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                } else if (c <= ' ' || c == 0x7f) {
                    c = ' ';
                }
                if (c >= 'a' && c <= 'z') {
                    counts[0]++;
                }
                out.append(c);
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
                continue;
            }
            if (c >= HOMOGLYPH_BASE && c - HOMOGLYPH_BASE < HOMOGLYPHS.length && HOMOGLYPHS[c - HOMOGLYPH_BASE] != 0) {
                counts[0]++;
                out.append(HOMOGLYPHS[c - HOMOGLYPH_BASE]);
                continue;
            }
            if (c == 'ı') {
                counts[0]++;
                out.append('i');
                continue;
            }
            if (Character.isLetter(c)) {
                counts[0]++;
                counts[1]++;
                out.append(Character.toLowerCase(c));
            } else if (Character.isSurrogate(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isUrl(String chunk) {
        return chunk.startsWith("http://") || chunk.startsWith("https://") || chunk.startsWith("www.")
                || chunk.contains("://");
    }

    private static boolean isEmail(String chunk) {
        int at = chunk.indexOf('@');
        return at > 0 && chunk.indexOf('.', at) > at + 1 && Character.isLetterOrDigit(chunk.charAt(at - 1));
    }

    private boolean isMention(String chunk) {
        if (chunk.length() < 2 || chunk.charAt(0) != '@') {
            return false;
        }
        char next = chunk.charAt(1);
        if (!(Character.isLetterOrDigit(next) || next == '_')) {
            return false;
        }
        // "@ss" is leetspeak for a word we know, not a person
        String asWord = trimPunctuation(chunk);
        return !vocabulary.contains(leet(asWord, 'i'));
    }

    private void splitWords(String chunk, List<String> tokens) {
        String word = trimPunctuation(chunk);
        int start = 0;
        for (int i = 0; i <= word.length(); i++) {
            if (i == word.length() || !isWordChar(word.charAt(i))) {
                if (i > start) {
                    addWord(word.substring(start, i), tokens);
                }
                start = i + 1;
            }
        }
    }

    /** Strip sentence punctuation around a chunk; '$' and '@' may start a leet word, '*' may end a masked one. */
    private static String trimPunctuation(String chunk) {
        int a = 0;
        int b = chunk.length();
        while (a < b && !isWordChar(chunk.charAt(a)) ) {
            a++;
        }
        while (b > a && (isTrailingPunctuation(chunk.charAt(b - 1)) || !isWordChar(chunk.charAt(b - 1)))) {
            b--;
        }
        return chunk.substring(a, b);
    }

    private static boolean isTrailingPunctuation(char c) {
        return c == '!' || c == '.' || c == '#' || c == '_' || c == '@';
    }

    /** Letters, digits, the leet symbols @ $ ! and the mask symbols * # _ ; '.' and '-' split words. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '!' || c == '*' || c == '#' || c == '_'
                || c == '\'';
    }

    private void addWord(String piece, List<String> tokens) {
        boolean letter = false;
        boolean mask = false;
        boolean leet = false;
        boolean apostrophe = false;
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (c == '*' || c == '#' || c == '_') {
                mask = true;
            } else if (c == '\'') {
                apostrophe = true;
            } else {
                leet = true;
            }
        }
        if (apostrophe) {
            piece = piece.replace("'", "");
        }
        if (piece.isEmpty()) {
            return;
        }
        if (!letter && !mask) {
            String digits = stripSymbols(piece);
            if (!digits.isEmpty()) {
                tokens.add(digits);
            }
            return;
        }
        if (!letter) {
            return;
        }
        String word = piece;
        if (leet && !looksLikeNumberWithUnit(piece)) {
            String asI = leet(piece, 'i');
            word = vocabulary.contains(asI) || !vocabulary.contains(leet(piece, 'l')) ? asI : leet(piece, 'l');
        }
        word = stripSymbols(word, mask);
        if (mask) {
            word = unmask(word);
        }
        word = unstretch(word);
        if (!word.isEmpty()) {
            tokens.add(word);
        }
    }

    /** "3rd", "10am", "2nd", "5k" are numbers, not leetspeak. */
    private static boolean looksLikeNumberWithUnit(String piece) {
        int i = 0;
        while (i < piece.length() && Character.isDigit(piece.charAt(i))) {
            i++;
        }
        return i > 0 && piece.length() - i <= 2;
    }

    private static String leet(String piece, char one) {
        StringBuilder b = new StringBuilder(piece.length());
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            b.append(switch (c) {
                case '0' -> 'o';
                case '1' -> one;
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                case '!' -> 'i';
                default -> c;
            });
        }
        return b.toString();
    }

    private static String stripSymbols(String piece) {
        return stripSymbols(piece, false);
    }

    /** Remove what is neither letter nor digit; keep mask symbols when they are to be resolved. */
    private static String stripSymbols(String piece, boolean keepMask) {
        StringBuilder b = null;
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            boolean keep = Character.isLetterOrDigit(c) || (keepMask && (c == '*' || c == '#' || c == '_'));
            if (!keep && b == null) {
                b = new StringBuilder(piece.length()).append(piece, 0, i);
            } else if (keep && b != null) {
                b.append(c);
            }
        }
        return b == null ? piece : b.toString();
    }

    /** f*ck, f**king, c#nt: the first vocabulary word of that length whose other letters agree, else drop the masks. */
    private String unmask(String word) {
        List<String> candidates = vocabularyByLength.get(word.length());
        if (candidates != null) {
            for (String candidate : candidates) {
                if (agreesWithMask(word, candidate)) {
                    return candidate;
                }
            }
        }
        return stripSymbols(word, false);
    }

    private static boolean agreesWithMask(String masked, String candidate) {
        int known = 0;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '*' || c == '#' || c == '_') {
                continue;
            }
            if (c != candidate.charAt(i)) {
                return false;
            }
            known++;
        }
        return known > 0;
    }

    /** fuuuuck → fuck, bitchhh → bitch, sooo → soo: runs of three or more shrink, to one letter if that makes a known word. */
    private String unstretch(String word) {
        boolean doubled = false;
        boolean stretched = false;
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1)) {
                doubled = true;
                if (i > 1 && word.charAt(i) == word.charAt(i - 2)) {
                    stretched = true;
                }
            }
        }
        if (!doubled) {
            return word;
        }
        String two = stretched ? collapse(word, 2) : word;
        if (vocabulary.contains(two)) {
            return two;
        }
        String one = collapse(word, 1);
        return vocabulary.contains(one) ? one : two;
    }

    private static String collapse(String word, int keep) {
        StringBuilder b = new StringBuilder(word.length());
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            run = i > 0 && c == word.charAt(i - 1) ? run + 1 : 1;
            if (run <= keep) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** "i d i o t" and "f.u.c.k" arrive as single letters: three or more in a row are one word. */
    private void joinSpacedLetters(List<String> tokens) {
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && isSingleLetter(tokens.get(j))) {
                j++;
            }
            // "you are a f u c k": the article belongs to the sentence, not to the spelt word
            if (j - i >= 4 && (tokens.get(i).equals("a") || tokens.get(i).equals("i"))
                    && !vocabulary.contains(spelt(tokens, i, j)) && vocabulary.contains(spelt(tokens, i + 1, j))) {
                i++;
            }
            if (j - i >= 3) {
                StringBuilder b = new StringBuilder(j - i);
                for (int k = i; k < j; k++) {
                    b.append(tokens.get(k));
                }
                String joined = unstretch(b.toString());
                List<String> words = vocabulary.contains(joined) ? List.of(joined) : segment(joined);
                tokens.subList(i, j).clear();
                tokens.addAll(i, words);
                i += words.size();
            } else {
                i = j == i ? i + 1 : j;
            }
        }
    }

    /**
     * "w a t c h  y o u r  b a c k" joins to "watchyourback": split it into known words with as few words as
     * possible (only spelt-out runs get here, so the cost does not matter); unknown runs stay one token.
     */
    private List<String> segment(String joined) {
        int n = joined.length();
        int[] words = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(words, Integer.MAX_VALUE);
        words[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - 20); start < end; start++) {
                if (words[start] != Integer.MAX_VALUE && words[start] + 1 < words[end]
                        && vocabulary.contains(joined.substring(start, end))) {
                    words[end] = words[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (words[n] == Integer.MAX_VALUE) {
            return List.of(joined);
        }
        List<String> out = new ArrayList<>(words[n]);
        for (int end = n; end > 0; end = from[end]) {
            out.add(0, joined.substring(from[end], end));
        }
        return out;
    }

    private String spelt(List<String> tokens, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            b.append(tokens.get(k));
        }
        return unstretch(b.toString());
    }

    private static boolean isSingleLetter(String token) {
        return token.length() == 1 && Character.isLetter(token.charAt(0));
    }

    private static char[] homoglyphTable() {
        char[] t = new char[0x0530 - HOMOGLYPH_BASE];
        // Greek capitals first (they look like Latin capitals), then small letters
        String greek = "ΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxαaβbγyεeηnιiκkνvοoρpτtυuχxωwςsϲcϳj";
        // Cyrillic capitals and small letters that pass for Latin ones
        String cyrillic = "АaВbЕeЅsІiЈjКkМmНhОoРpСcТtУyХxаaвbеeѕsіiјjкkмmнhоoрpсcтtуyхxёeїiһhԁdԛqԝw";
        String pairs = greek + cyrillic;
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            char from = pairs.charAt(i);
            if (from >= HOMOGLYPH_BASE && from - HOMOGLYPH_BASE < t.length) {
                t[from - HOMOGLYPH_BASE] = pairs.charAt(i + 1);
            }
        }
        return t;
    }
}
