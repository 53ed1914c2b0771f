package org.schoolgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentCheckTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOON_1_MAY = Instant.parse("2026-05-01T11:00:00Z");
    static final Map<String, String> PURPOSES = Map.of("facebook", "Facebook", "instagram", "Instagram",
            "website", "Website", "press", "Press", "prospectus", "Prospectus");
    static final long AVA = 1;
    static final long BEN = 2;

    final List<ConsentCheck.PupilFact> pupils = new ArrayList<>(List.of(
            new ConsentCheck.PupilFact(AVA, "Ava", null, "Smith", null, false),
            new ConsentCheck.PupilFact(BEN, "Benjamin", "Ben", "Jones", null, false)));
    final List<ConsentCheck.ConsentFact> consents = new ArrayList<>();

    void given(long pupil, String purpose, ConsentState state, NameAllowance names, LocalDate expires) {
        int version = (int) consents.stream().filter(c -> c.pupilId() == pupil && c.purpose().equals(purpose)).count() + 1;
        consents.add(new ConsentCheck.ConsentFact(pupil, purpose, state, names, expires, version));
    }

    ConsentDecision check(List<Long> ids, List<String> purposes, Instant at) {
        return new ConsentCheck(pupils, consents, PURPOSES).decide(new ConsentCheck.Question(ids, purposes, at, LONDON));
    }

    @Test
    void grantedConsentForEveryChannelIsAllowed() {
        given(AVA, "facebook", ConsentState.GRANTED, NameAllowance.FIRST_NAME, null);
        given(AVA, "instagram", ConsentState.GRANTED, NameAllowance.FIRST_NAME, null);
        ConsentDecision d = check(List.of(AVA), List.of("facebook", "instagram"), NOON_1_MAY);
        assertTrue(d.allowed(), d.summary());
        assertEquals("Ava Smith: first name only", d.names().get(0).words());
    }

    @Test
    void missingConsentIsNamedPerPupilAndChannel() {
        given(AVA, "facebook", ConsentState.GRANTED, NameAllowance.FULL_NAME, null);
        ConsentDecision d = check(List.of(AVA), List.of("facebook", "instagram"), NOON_1_MAY);
        assertFalse(d.allowed());
        assertEquals(List.of("Ava Smith: no Instagram consent"), d.reasons());
        assertEquals(ConsentDecision.Kind.MISSING, d.problems().get(0).kind());
        assertEquals("instagram", d.problems().get(0).purpose());
    }

    @Test
    void everyProblemOfEveryPupilIsListedNotJustTheFirst() {
        given(BEN, "facebook", ConsentState.WITHDRAWN, NameAllowance.NONE, null);
        ConsentDecision d = check(List.of(AVA, BEN), List.of("facebook", "instagram"), NOON_1_MAY);
        assertEquals(List.of("Ava Smith: no Facebook consent", "Ava Smith: no Instagram consent",
                "Ben Jones: Facebook consent withdrawn", "Ben Jones: no Instagram consent"), d.reasons());
    }

    @Test
    void withdrawnConsentRefusesEvenThoughAnEarlierVersionGrantedIt() {
        given(AVA, "instagram", ConsentState.GRANTED, NameAllowance.FULL_NAME, null);
        given(AVA, "instagram", ConsentState.WITHDRAWN, NameAllowance.FULL_NAME, null);
        ConsentDecision d = check(List.of(AVA), List.of("instagram"), NOON_1_MAY);
        assertEquals(List.of("Ava Smith: Instagram consent withdrawn"), d.reasons());
        assertEquals(ConsentDecision.Kind.WITHDRAWN, d.problems().get(0).kind());
    }

    @Test
    void regrantAfterWithdrawalCountsBecauseTheNewestVersionWins() {
        given(AVA, "instagram", ConsentState.WITHDRAWN, NameAllowance.NONE, null);
        given(AVA, "instagram", ConsentState.GRANTED, NameAllowance.FIRST_NAME, null);
        assertTrue(check(List.of(AVA), List.of("instagram"), NOON_1_MAY).allowed());
    }

    @Test
    void refusedConsentIsNamedAsRefused() {
        given(AVA, "press", ConsentState.REFUSED, NameAllowance.NONE, null);
        assertEquals(List.of("Ava Smith: Press consent refused"), check(List.of(AVA), List.of("press"), NOON_1_MAY).reasons());
    }

    @Test
    void expiredStateRefuses() {
        given(AVA, "website", ConsentState.EXPIRED, NameAllowance.FULL_NAME, LocalDate.of(2025, 8, 31));
        assertEquals(List.of("Ava Smith: Website consent expired (last day 31 August 2025)"),
                check(List.of(AVA), List.of("website"), NOON_1_MAY).reasons());
    }

    @Test
    void grantedConsentPastItsExpiryRefusesBeforeTheNightlyJobHasRun() {
        given(AVA, "website", ConsentState.GRANTED, NameAllowance.FULL_NAME, LocalDate.of(2026, 4, 30));
        ConsentDecision d = check(List.of(AVA), List.of("website"), NOON_1_MAY);
        assertEquals(ConsentDecision.Kind.EXPIRED, d.problems().get(0).kind());
    }

    @Test
    void consentIsCheckedPerChannelSoOneChannelDoesNotCoverAnother() {
        given(AVA, "facebook", ConsentState.GRANTED, NameAllowance.FULL_NAME, null);
        assertTrue(check(List.of(AVA), List.of("facebook"), NOON_1_MAY).allowed());
        assertFalse(check(List.of(AVA), List.of("instagram"), NOON_1_MAY).allowed());
        assertFalse(check(List.of(AVA), List.of("prospectus"), NOON_1_MAY).allowed());
    }

    @Test
    void theStrictestNameAllowanceAcrossChannelsApplies() {
        given(AVA, "facebook", ConsentState.GRANTED, NameAllowance.FULL_NAME, null);
        given(AVA, "instagram", ConsentState.GRANTED, NameAllowance.FIRST_NAME, null);
        ConsentDecision.NameRule rule = check(List.of(AVA), List.of("facebook", "instagram"), NOON_1_MAY).names().get(0);
        assertEquals(NameAllowance.FIRST_NAME, rule.allowance());
        assertEquals("Ava Smith: first name only (Facebook: full name allowed, Instagram: first name only)", rule.words());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"NONE, Ben Jones: no name", "FIRST_NAME, Ben Jones: first name only",
            "FULL_NAME, Ben Jones: full name allowed"})
    void nameAllowanceIsGivenInWordsUsingThePreferredName(NameAllowance allowance, String words) {
        given(BEN, "facebook", ConsentState.GRANTED, allowance, null);
        assertEquals(words, check(List.of(BEN), List.of("facebook"), NOON_1_MAY).names().get(0).words());
    }

    @Test
    void aPupilWithoutValidConsentMayNotBeNamedAtAll() {
        given(AVA, "facebook", ConsentState.WITHDRAWN, NameAllowance.FULL_NAME, null);
        assertEquals(NameAllowance.NONE, check(List.of(AVA), List.of("facebook"), NOON_1_MAY).names().get(0).allowance());
    }

    @Test
    void aPupilWhoHasLeftIsRefusedWhateverTheConsents() {
        pupils.set(0, new ConsentCheck.PupilFact(AVA, "Ava", null, "Smith", LocalDate.of(2026, 4, 30), false));
        given(AVA, "facebook", ConsentState.GRANTED, NameAllowance.FULL_NAME, null);
        ConsentDecision d = check(List.of(AVA), List.of("facebook"), NOON_1_MAY);
        assertEquals(List.of("Ava Smith: has left the school (last day 30 April 2026)"), d.reasons());
        assertEquals(ConsentDecision.Kind.LEFT, d.problems().get(0).kind());
    }

    @Test
    void aPupilIsStillOnRollOnTheirLeavingDay() {
        pupils.set(0, new ConsentCheck.PupilFact(AVA, "Ava", null, "Smith", LocalDate.of(2026, 5, 1), false));
        given(AVA, "facebook", ConsentState.GRANTED, NameAllowance.FULL_NAME, null);
        assertTrue(check(List.of(AVA), List.of("facebook"), NOON_1_MAY).allowed());
    }

    @Test
    void aPupilMarkedOffRollIsRefused() {
        pupils.set(0, new ConsentCheck.PupilFact(AVA, "Ava", null, "Smith", null, true));
        given(AVA, "facebook", ConsentState.GRANTED, NameAllowance.FULL_NAME, null);
        assertEquals(List.of("Ava Smith: has left the school"), check(List.of(AVA), List.of("facebook"), NOON_1_MAY).reasons());
    }

    @Test
    void anUnknownPupilIdIsRefusedSoAnotherSchoolsPupilCannotSlipThrough() {
        ConsentDecision d = check(List.of(99L), List.of("facebook"), NOON_1_MAY);
        assertEquals(List.of("Pupil 99 is not on this school's roll"), d.reasons());
    }

    @Test
    void anUnknownPurposeIsRefused() {
        given(AVA, "facebook", ConsentState.GRANTED, NameAllowance.FULL_NAME, null);
        assertEquals(List.of("Unknown channel or purpose 'tiktok'"),
                check(List.of(AVA), List.of("facebook", "tiktok"), NOON_1_MAY).reasons());
    }

    @Test
    void noPupilsNeedNoConsent() {
        assertTrue(check(List.of(), List.of("facebook"), NOON_1_MAY).allowed());
    }

    /** Expiry is the end of the last day in London time; the instants straddle midnight local time. */
    @ParameterizedTest(name = "expires {0}, checked at {1} → allowed {2}")
    @CsvSource({
            // summer (BST, UTC+1): midnight London is 23:00 UTC the day before
            "2026-06-30, 2026-06-30T22:59:59Z, true",
            "2026-06-30, 2026-06-30T23:00:00Z, false",
            "2026-06-30, 2026-06-30T23:30:00Z, false",
            // winter (GMT, UTC+0)
            "2026-01-15, 2026-01-15T23:59:59Z, true",
            "2026-01-15, 2026-01-16T00:00:00Z, false",
            // the last day is the day clocks go back (25 hours long): valid until 00:00 GMT on 26 October
            "2026-10-25, 2026-10-25T23:59:59Z, true",
            "2026-10-25, 2026-10-26T00:00:00Z, false",
            // the day after clocks go back: London midnight is UTC midnight again
            "2026-10-24, 2026-10-24T22:59:59Z, true",
            "2026-10-24, 2026-10-24T23:00:00Z, false",
            // the last day is the day clocks go forward (23 hours long): ends at 23:00 UTC
            "2026-03-29, 2026-03-29T22:59:59Z, true",
            "2026-03-29, 2026-03-29T23:00:00Z, false",
            // the day before clocks go forward ends at midnight GMT
            "2026-03-28, 2026-03-28T23:59:59Z, true",
            "2026-03-28, 2026-03-29T00:00:00Z, false"})
    void expiryEndsAtMidnightSchoolTimeAcrossClockChanges(LocalDate expires, Instant at, boolean allowed) {
        given(AVA, "instagram", ConsentState.GRANTED, NameAllowance.FIRST_NAME, expires);
        assertEquals(allowed, check(List.of(AVA), List.of("instagram"), at).allowed());
    }

    @Test
    void theSchoolsZoneDecidesNotUtc() {
        given(AVA, "instagram", ConsentState.GRANTED, NameAllowance.FIRST_NAME, LocalDate.of(2026, 6, 30));
        Instant at = Instant.parse("2026-06-30T23:30:00Z");
        ConsentCheck check = new ConsentCheck(pupils, consents, PURPOSES);
        assertFalse(check.decide(new ConsentCheck.Question(List.of(AVA), List.of("instagram"), at, LONDON)).allowed());
        assertTrue(check.decide(new ConsentCheck.Question(List.of(AVA), List.of("instagram"), at, ZoneId.of("UTC"))).allowed());
    }

    @Test
    void leavingDateIsAlsoJudgedInSchoolTime() {
        pupils.set(0, new ConsentCheck.PupilFact(AVA, "Ava", null, "Smith", LocalDate.of(2026, 7, 17), false));
        given(AVA, "facebook", ConsentState.GRANTED, NameAllowance.FULL_NAME, null);
        assertTrue(check(List.of(AVA), List.of("facebook"), Instant.parse("2026-07-17T22:59:00Z")).allowed());
        assertFalse(check(List.of(AVA), List.of("facebook"), Instant.parse("2026-07-17T23:00:00Z")).allowed());
    }
}
