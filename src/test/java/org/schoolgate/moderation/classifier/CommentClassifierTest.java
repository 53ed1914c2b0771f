package org.schoolgate.moderation.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.ClassificationContext;
import org.schoolgate.moderation.Verdict;
import org.schoolgate.review.Severity;

/** Each category with examples written for Schoolgate: what must fire, and look-alikes that must not. */
class CommentClassifierTest {

    private static final CommentClassifier CLASSIFIER = CommentClassifier.loadDefault(ClassifierSettings.DEFAULTS);
    private static final ClassificationContext SCHOOL = ClassificationContext.of(
            List.of("Ava Smith", "Oliver O'Brien"), List.of("Priya Patel", "David Jones"));

    private static Verdict classify(String text) {
        return CLASSIFIER.classify(text, SCHOOL);
    }

    private static void assertFires(Category category, String text) {
        Verdict v = classify(text);
        assertTrue(v.has(category), () -> "expected " + category.id() + " for \"" + text + "\" but got "
                + v.categories() + " (" + v.why() + ")");
    }

    private static void assertDoesNotFire(Category category, String text) {
        Verdict v = classify(text);
        assertFalse(v.has(category), () -> "did not expect " + category.id() + " for \"" + text + "\": " + v.why());
    }

    // threat

    @ParameterizedTest
    @ValueSource(strings = {
        "Watch your back Mr Jones",
        "I know where you live",
        "I'll kill you if you keep my son in detention again",
        "im gonna batter that teacher",
        "someone should stab her",
        "w@tch ur b@ck",
        "I know which car is Miss Carter's. She'd better watch herself after what she did to my son.",
        "Someone should sort that head out properly one night. Just saying.",
        "He'd better watch out, I know where he parks",
    })
    void threatsAreCritical(String text) {
        assertFires(Category.THREAT, text);
        assertEquals(Severity.CRITICAL, classify(text).severity());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "We're going to smash the fundraising target this year!",
        "The kids will kill it at the concert tonight",
        "Please watch the back gate at pick-up, it sticks",
        "I'll get you the forms tomorrow",
        "Please watch your children near the car park",
        "Can the office sort out the car park rota?",
        "I know which class she is in, I'll send the form with her",
        "The head will sort it out with the council",
    })
    void everydayPhrasesAreNotThreats(String text) {
        assertDoesNotFire(Category.THREAT, text);
    }

    // hate

    @ParameterizedTest
    @ValueSource(strings = {
        "go back to where you came from",
        "that teacher is a r3tard",
        "f a g g o t",
    })
    void slursAndHatefulPhrasesAreHate(String text) {
        assertFires(Category.HATE, text);
        assertTrue(classify(text).severity().rank() >= Severity.HIGH.rank());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Back to school on Monday, where did the holiday go",
        "Great assembly about respecting every religion and culture",
    })
    void talkAboutDiversityIsNotHate(String text) {
        assertDoesNotFire(Category.HATE, text);
    }

    // abuse (the model)

    @ParameterizedTest
    @ValueSource(strings = {
        "you stupid bitch",
        "what a f*cking idiot this head is",
        "shut up you fat ugly cow",
        "This school is a joke run by clowns. Shut up and do your jobs.",
    })
    void insultsAreAbuse(String text) {
        assertFires(Category.ABUSE, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"you are a star", "Mrs Hughes is an absolute legend", "you lot were brilliant"})
    void praiseAimedAtSomeoneIsNotAnInsult(String text) {
        assertDoesNotFire(Category.ABUSE, text);
    }

    @Test
    void emptyNullAndHugeTextsAreClassified() {
        assertEquals(List.of(Category.OK), CLASSIFIER.classify("", ClassificationContext.NONE).categories());
        assertEquals(List.of(Category.OK), CLASSIFIER.classify(null, null).categories());
        Verdict huge = CLASSIFIER.classify("idiot ".repeat(20_000), SCHOOL);
        assertTrue(huge.has(Category.ABUSE), huge.why());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Lovely to see the children enjoying sports day, well done everyone!",
        "Thank you for a brilliant harvest festival",
        "Is the school open on Friday for the inset day?",
    })
    void friendlyCommentsAreOk(String text) {
        Verdict v = classify(text);
        assertEquals(List.of(Category.OK), v.categories(), v.why());
        assertEquals(Severity.NONE, v.severity());
    }

    // allegation

    @ParameterizedTest
    @ValueSource(strings = {
        "Mrs Patel hit my son in class",
        "David Jones is always drunk at pick up",
        "Mr Hargreaves groomed my daughter",
        "Ava Smith stole my child's phone",
        "Mr Hughes was sacked from his last school for hurting a child, look it up.",
        "Everyone knows the headteacher has been taking money from the PTA funds.",
        "the caretaker is always drunk",
    })
    void accusationsAgainstNamedPeopleAreAllegations(String text) {
        assertFires(Category.ALLEGATION, text);
        assertEquals(Severity.HIGH.rank(), Math.max(Severity.HIGH.rank(), classify(text).severity().rank()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Thank you Mrs Patel for the lovely trip",
        "Someone stole my bike from the gate",
        "The football team hit the ground running this term",
        "The headteacher thanked everyone for raising money for the PTA",
        "Our deputy head ran the sponsored walk, thank you",
    })
    void accusationWithoutANameOrNameWithoutAccusationIsNoAllegation(String text) {
        assertDoesNotFire(Category.ALLEGATION, text);
    }

    // personal data

    @ParameterizedTest
    @ValueSource(strings = {
        "Call me on 07700 900123",
        "ring +44 20 7946 0958 about the coat",
        "email me at jo.bloggs@example.com",
        "she lives at 14 Acacia Avenue",
        "postcode is SW1A 1AA",
        "Ava Smith was crying at the gate",
        "well done oliver obrien",
    })
    void contactDetailsAndPupilNamesArePersonalData(String text) {
        assertFires(Category.PERSONAL_DATA, text);
        assertEquals(Severity.MEDIUM.rank(), Math.max(classify(text).severity().rank(), Severity.MEDIUM.rank()));
    }

    @Test
    void aStaffNameAloneIsLowSeverityPersonalData() {
        Verdict v = classify("Thank you Mrs Patel for the lovely trip");
        assertTrue(v.has(Category.PERSONAL_DATA), v.why());
        assertEquals(Severity.LOW, v.severity());
        assertTrue(v.why().contains("Priya Patel"), v.why());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The match finished 3 1 to us, 2000 points in the quiz",
        "Ava and Oliver are popular names this year",
        "See you at 10am on the 3rd",
        "Year 6 raised £1,250.50 for charity",
    })
    void numbersAndFirstNamesAloneAreNotPersonalData(String text) {
        assertDoesNotFire(Category.PERSONAL_DATA, text);
    }

    @Test
    void theSchoolsOwnPublicContactDetailsAreNotPersonalData() {
        ClassificationContext school = ClassificationContext.of(List.of("Ava Smith"), List.of(),
                List.of("01632 960000", "office@oakfield.sch.uk"));
        Verdict office = CLASSIFIER.classify("Ring the office on +44 1632 960 000 or OFFICE@oakfield.sch.uk", school);
        assertFalse(office.has(Category.PERSONAL_DATA), office.why());
        Verdict mine = CLASSIFIER.classify("Ring the office on 01632 960000 or me on 07700 900123", school);
        assertTrue(mine.has(Category.PERSONAL_DATA), mine.why());
        assertTrue(mine.why().contains("a phone number"), mine.why());
    }

    // sexual

    @ParameterizedTest
    @ValueSource(strings = {"send nudes", "that mum is so s3xy", "check my onlyfans", "he wants to have sex with her"})
    void sexualContentIsFlagged(String text) {
        assertFires(Category.SEXUAL, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sex education letters went home today", "Lovely photos from the nativity"})
    void curriculumWordsAloneAreNotSexual(String text) {
        assertDoesNotFire(Category.SEXUAL, text);
    }

    // complaint

    @ParameterizedTest
    @ValueSource(strings = {
        "This is a disgrace, nobody replied to my email",
        "Absolutely shocking communication from the office",
        "I will be contacting Ofsted",
    })
    void criticismIsAComplaint(String text) {
        assertFires(Category.COMPLAINT, text);
        assertEquals(Severity.LOW, classify(text).severity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"What a great show tonight", "Could someone tell me when the bus leaves?"})
    void questionsAndPraiseAreNoComplaint(String text) {
        assertDoesNotFire(Category.COMPLAINT, text);
    }

    // spam

    @ParameterizedTest
    @ValueSource(strings = {
        "Click here for FREE followers",
        "Earn money from home, dm me",
        "http://a.example http://b.example http://c.example",
    })
    void advertisingIsSpam(String text) {
        assertFires(Category.SPAM, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"The newsletter is at https://school.example/news", "Follow the signs to the hall"})
    void oneLinkOrOrdinaryWordsAreNotSpam(String text) {
        assertDoesNotFire(Category.SPAM, text);
    }

    // language the model cannot judge

    @ParameterizedTest
    @ValueSource(strings = {
        "Вы все идиоты и ваша школа тоже",
        "Ta szkoła jest beznadziejna i nauczyciele też",
        "这个学校的老师很差",
    })
    void nonEnglishGoesToReview(String text) {
        Verdict v = classify(text);
        assertTrue(v.has(Category.UNJUDGED_LANGUAGE), v.why());
        assertTrue(v.severity().rank() >= Severity.LOW.rank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lovely photos!", "Thank you teachers, the children had a great day"})
    void englishIsJudged(String text) {
        assertDoesNotFire(Category.UNJUDGED_LANGUAGE, text);
    }

    // the verdict as a whole

    @Test
    void theMostSevereCategoryComesFirstAndWhyNamesEveryRule() {
        Verdict v = classify("Mrs Patel is a stupid b1tch, watch your back");
        assertEquals(Category.THREAT, v.categories().get(0));
        assertEquals(Severity.CRITICAL, v.severity());
        assertTrue(v.why().contains("watch your back"), v.why());
        assertTrue(v.why().contains("bitch"), v.why());
        assertEquals(CLASSIFIER.modelVersion(), v.modelVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"i'll k1ll y0u", "w a t c h  y o u r  b a c k", "\u0456'll kill you", "I&#39;ll kill you"})
    void evadedThreatsAreStillThreats(String text) {
        assertFires(Category.THREAT, text);
    }

    @Test
    void contactDetailsAreNamedButNotRepeatedInWhy() {
        Verdict v = classify("ring me 07700 900123 or jo@example.com");
        assertTrue(v.why().contains("a phone number") && v.why().contains("an e-mail address"), v.why());
        assertFalse(v.why().contains("900123") || v.why().contains("jo@example.com"), v.why());
    }

    @Test
    void evasionDoesNotLowerTheAbuseScore() {
        double plain = classify("you stupid bitch").abusive();
        double evasive = classify("y o u  st*pid  b1tchhhh").abusive();
        assertEquals(plain, evasive, 0.05);
    }
}
