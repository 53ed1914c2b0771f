package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.posts.CaptionCheck.Finding;
import org.schoolgate.posts.CaptionCheck.RosterPupil;
import org.schoolgate.posts.CaptionCheck.Tagged;

class CaptionCheckTest {

    static final RosterPupil AVA = new RosterPupil(1, "Ava", null, "Smith");
    static final RosterPupil OLIVER = new RosterPupil(2, "Oliver", "Olly", "Jones");
    static final RosterPupil LEO = new RosterPupil(3, "Leo", null, "Davies");
    static final RosterPupil SIOBHAN = new RosterPupil(4, "Siobhán", null, "O'Brien");
    static final CaptionCheck ROSTER = new CaptionCheck(List.of(AVA, OLIVER, LEO, SIOBHAN));

    static Tagged tagged(RosterPupil p, NameAllowance a) {
        return new Tagged(p.id(), a, a.words());
    }

    static List<Finding> check(String caption, Tagged... tags) {
        return ROSTER.check(caption, List.of(tags));
    }

    @Test
    void firstNameOnlyAllowsTheFirstNameButNotTheSurnameOrFullName() {
        assertThat(check("Well done Ava!", tagged(AVA, NameAllowance.FIRST_NAME))).isEmpty();
        assertThat(check("Well done Ava Smith!", tagged(AVA, NameAllowance.FIRST_NAME)))
                .singleElement().satisfies(f -> {
                    assertThat(f.pupilId()).isEqualTo(1L);
                    assertThat(f.word()).isEqualTo("Ava Smith");
                    assertThat(f.reason()).contains("Ava Smith").contains("first name only");
                });
        assertThat(check("The Smith family cheered", tagged(AVA, NameAllowance.FIRST_NAME)))
                .singleElement().extracting(Finding::word).isEqualTo("Smith");
    }

    @Test
    void noNameAllowanceRefusesEvenTheFirstName() {
        assertThat(check("Ava painted this", tagged(AVA, NameAllowance.NONE))).singleElement()
                .extracting(Finding::word).isEqualTo("Ava");
        assertThat(check("Our Year 4 painters", tagged(AVA, NameAllowance.NONE))).isEmpty();
    }

    @Test
    void fullNameAllowanceAllowsTheFullName() {
        assertThat(check("Congratulations Ava Smith, county champion", tagged(AVA, NameAllowance.FULL_NAME))).isEmpty();
    }

    @Test
    void caseLineBreaksPunctuationAndPossessivesDoNotHideAName() {
        Tagged ava = tagged(AVA, NameAllowance.FIRST_NAME);
        assertThat(check("AVA\nSMITH's painting", ava)).singleElement().extracting(Finding::word).isEqualTo("Ava Smith");
        assertThat(check("ava’s prize — smith!", ava)).singleElement().extracting(Finding::word).isEqualTo("Smith");
        assertThat(check("Ava.Smith", ava)).hasSize(1);
        assertThat(check("Siobhan OBRIEN’S poem", tagged(SIOBHAN, NameAllowance.FIRST_NAME)))
                .singleElement().extracting(Finding::word).isEqualTo("Siobhán O'Brien");
    }

    @Test
    void thePreferredNameCountsAsTheFirstName() {
        assertThat(check("Olly scored twice", tagged(OLIVER, NameAllowance.FIRST_NAME))).isEmpty();
        assertThat(check("Olly Jones scored twice", tagged(OLIVER, NameAllowance.FIRST_NAME))).hasSize(1);
        assertThat(check("Olly scored twice", tagged(OLIVER, NameAllowance.NONE))).hasSize(1);
    }

    @Test
    void anotherPupilNamedInFullBlocksButTheirFirstNameAloneDoesNot() {
        assertThat(check("Ava and Leo Davies at the fair", tagged(AVA, NameAllowance.FIRST_NAME)))
                .singleElement().satisfies(f -> {
                    assertThat(f.pupilId()).isEqualTo(3L);
                    assertThat(f.reason()).contains("Leo Davies").contains("not tagged");
                });
        assertThat(check("Leo helped Ava", tagged(AVA, NameAllowance.FIRST_NAME))).isEmpty();
        assertThat(check("Thanks to Mr Davies for the fair")).as("a surname alone of an untagged pupil").isEmpty();
    }

    @Test
    void personalDataIsNamedAsWritten() {
        assertThat(check("Tickets from 01632 960123 or office@school.example, TN17 2AB"))
                .extracting(Finding::kind, Finding::word)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CaptionCheck.Kind.PERSONAL_DATA, "01632 960123"),
                        org.assertj.core.groups.Tuple.tuple(CaptionCheck.Kind.PERSONAL_DATA, "office@school.example"),
                        org.assertj.core.groups.Tuple.tuple(CaptionCheck.Kind.PERSONAL_DATA, "TN17 2AB"));
    }

    @Test
    void theSchoolsOwnPublicContactDetailsMayBeGivenHoweverTheyAreWritten() {
        CaptionCheck school = new CaptionCheck(List.of(AVA), List.of("Office: 01632 960000", "Office@Oakfield.sch.uk",
                "1 School Lane, Oakfield TN17 2AB", "not a contact detail at all"));
        assertThat(school.check("Tickets from the office on +44 (0)1632 960 000, office@oakfield.sch.uk or at "
                + "1 school lane, tn172ab", List.of())).isEmpty();
        assertThat(school.check("Call 01632960000 (office) or 07700 900123 (Mrs Parent)", List.of()))
                .as("another number is still personal data").extracting(Finding::word).containsExactly("07700 900123");
        assertThat(school.check("Write to head@oakfield.sch.uk", List.of())).extracting(Finding::word)
                .containsExactly("head@oakfield.sch.uk");
    }

    @Test
    void anOrdinaryCaptionPasses() {
        assertThat(check("A lovely sports day in the sunshine. Thank you, parents!")).isEmpty();
        assertThat(check("")).isEmpty();
    }

    @Test
    void aTwinNamedLikeATaggedPupilWithFullNameConsentIsNotBlocked() {
        CaptionCheck twins = new CaptionCheck(List.of(AVA, new RosterPupil(9, "Ava", null, "Smith")));
        assertThat(twins.check("Ava Smith won", List.of(tagged(AVA, NameAllowance.FULL_NAME)))).isEmpty();
    }
}
