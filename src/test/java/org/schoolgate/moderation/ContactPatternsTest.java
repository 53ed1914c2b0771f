package org.schoolgate.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactPatternsTest {

    @Test
    void findsEachKindWithTheWordsAsWritten() {
        assertThat(ContactPatterns.find("Call 01632 960123 or mail office@school.example; we are at TN17 2AB, "
                + "12 Mill Lane"))
                .extracting(ContactPatterns.Found::kind, ContactPatterns.Found::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ContactPatterns.PHONE_KIND, "01632 960123"),
                        org.assertj.core.groups.Tuple.tuple(ContactPatterns.EMAIL_KIND, "office@school.example"),
                        org.assertj.core.groups.Tuple.tuple(ContactPatterns.POSTCODE_KIND, "TN17 2AB"),
                        org.assertj.core.groups.Tuple.tuple(ContactPatterns.ADDRESS_KIND, "12 Mill Lane"));
    }

    @Test
    void ordinaryTextHasNone() {
        assertThat(ContactPatterns.find("Year 4 won 3 matches at 10am on 12 May!")).isEmpty();
        assertThat(ContactPatterns.kindsIn("Well done Year 6")).isEmpty();
    }
}
