package org.schoolgate.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameTokensTest {

    @Test
    void caseAccentsPunctuationAndLineBreaksDoNotMatter() {
        assertThat(NameTokens.words("ZOË   O'Brien,\nAva-Mae!")).containsExactly("zoe", "obrien", "ava", "mae");
    }

    @Test
    void possessiveEndingsAreNotPartOfTheName() {
        assertThat(NameTokens.wordsWithoutPossessives("Ava's picture, AVA’S prize and the Jones' stall"))
                .containsExactly("ava", "picture", "ava", "prize", "and", "the", "jones", "stall");
        assertThat(NameTokens.wordsWithoutPossessives("O'Sullivan and O'Brien's"))
                .containsExactly("osullivan", "and", "obrien");
        assertThat(NameTokens.words("Ava's")).containsExactly("avas");
    }
}
