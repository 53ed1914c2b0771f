package org.schoolgate.moderation.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormaliserTest {

    private static final TextNormaliser NORMALISER = Lexicons.load().normaliser();

    private static String norm(String text) {
        return NORMALISER.normalise(text).joined();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        // case and punctuation
        "You IDIOT!!!|you idiot",
        // stretched letters
        "fuuuuuck off|fuck off",
        "what a bitchhhh|what a bitch",
        "soooo good|so good",
        "good book|good book",
        // leetspeak
        "b1tch|bitch",
        "1d10t|idiot",
        "$hit|shit",
        "@ss|ass",
        "stup1d|stupid",
        "l0s3r|loser",
        // masking
        "f*ck you|fuck you",
        "f**king hell|fucking hell",
        "sh*t|shit",
        "c#nt|cunt",
        "b!tch|bitch",
        // spaced letters
        "i d i o t|idiot",
        "you are a f.u.c.k.i.n.g joke|you are a fucking joke",
        "what an i-d-i-o-t|what an idiot",
        "w a t c h  y o u r  b a c k|watch your back",
        "a b c d e f|abcdef",
        // HTML entities
        "fish &amp; chips|fish chips",
        "&quot;idiot&quot;|idiot",
        "you &#105;diot|you idiot",
        // links and mentions
        "RT @some_user: see http://t.co/abc123|rt _user_ see _url_",
        "www.example.com is good|_url_ is good",
        "mail head@school.org.uk please|mail _email_ please",
        // numbers that are not leetspeak
        "see you on the 3rd at 10am|see you on the 3rd at 10am",
        "year 6 won 2-1|year 6 won 2 1",
        // apostrophes
        "don't you're I'll|dont youre ill",
    })
    void undoesEvasion(String input, String expected) {
        assertEquals(expected, norm(input));
    }

    @Test
    void foldsCyrillicAndGreekLookAlikes() {
        // "іdіоt" with Cyrillic і and о; "ΙDΙΟΤ" in Greek capitals
        assertEquals("idiot", norm("\u0456d\u0456\u043et"));
        assertEquals("idiot", norm("\u0399D\u0399\u039f\u03a4"));
        // Cyrillic "сrар" (с, р, а) is "crap"
        assertEquals("crap", norm("\u0441r\u0430\u0440"));
    }

    @Test
    void foldsFullwidthAndMathematicalLetters() {
        assertEquals("idiot", norm("ｉｄｉｏｔ"));
        assertEquals("loser", norm("\uD835\uDC25\uD835\uDC28\uD835\uDC2C\uD835\uDC1E\uD835\uDC2B")); // 𝐥𝐨𝐬𝐞𝐫
    }

    @Test
    void removesAccentsAndInvisibleCharacters() {
        assertEquals("idiot", norm("id\u200Biot"));
        assertEquals("fuck", norm("fück"));
        assertEquals("cafe", norm("café"));
    }

    @Test
    void countsLinksMentionsAndForeignLetters() {
        NormalisedText n = NORMALISER.normalise("@a @b look http://x.y/1 https://z.w/2 привет");
        assertEquals(2, n.mentions());
        assertEquals(2, n.urls());
        assertEquals(2, n.foreignLetters(), "п and и are not Latin look-alikes; р, в, е and т are");
    }

    @Test
    void emptyAndNullTextGiveNoTokens() {
        assertEquals(0, NORMALISER.normalise("").tokens().length);
        assertEquals(0, NORMALISER.normalise(null).tokens().length);
        assertEquals(0, NORMALISER.normalise("  !!! ... ").tokens().length);
    }
}
