package org.schoolgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The import corpus: every file is built here, so each test shows exactly the bytes it reads. */
class RosterImportTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final List<Purpose> PURPOSES = new java.util.ArrayList<>(Purpose.BUILT_IN);

    static {
        PURPOSES.add(new Purpose("school-prospectus", "School prospectus", false));
    }

    final Map<String, RosterImport.Existing> roster = new HashMap<>();

    ImportPlan plan(String csv) {
        return plan(csv.getBytes(StandardCharsets.UTF_8));
    }

    ImportPlan plan(byte[] bytes) {
        return new RosterImport(PURPOSES, roster, TODAY, LONDON, 200).plan(bytes);
    }

    static final String SIMS = """
            Adno,UPN,Legal Surname,Legal Forename,Preferred Forename,Year,Reg,Admission Date,Date of Birth,Address
            1001,A123,Smith,Ava,,Year 3,3A,03/09/2023,01/01/2018,1 High St
            1002,A124,Jones,Benjamin,Ben,Year 4,4B,2022-09-05,02/02/2017,2 High St
            """;

    @Test
    void simsExportIsMappedAndPersonalDataWeDoNotNeedIsIgnored() {
        ImportPlan p = plan(SIMS);
        assertTrue(p.valid(), p.problems().toString());
        assertEquals(2, p.added());
        ImportPlan.PupilRow ben = p.pupils().get(1);
        assertEquals(new PupilDetails("1002", "Benjamin", "Jones", "Ben", "Year 4", "4B", LocalDate.of(2022, 9, 5), null),
                ben.details());
        assertEquals(LocalDate.of(2023, 9, 3), p.pupils().get(0).details().onRollDate(), "dd/MM/yyyy is day first");
        assertEquals(List.of("UPN", "Date of Birth", "Address"), p.ignoredColumns());
        assertTrue(p.columns().contains("Adno → MIS id"));
    }

    @Test
    void arborExportWithConsentColumnsIsMapped() {
        ImportPlan p = plan("""
                Student ID,First Name,Last Name,Preferred First Name,Year Group,Registration Form,Start Date,End Date,Consent - Facebook,Instagram Photo Consent,Website,Instagram Name Allowance,Name Allowance,Consent Date,Consent Expiry,Consent Method,Consent Evidence
                AR-1,Ava,Smith,,Year 3,3A,2023-09-03,,Yes,No,Y,,First name,2025-09-10,2026-08-31,Parent app,msg-77
                """);
        assertTrue(p.valid(), p.problems().toString());
        List<ImportPlan.ConsentChange> changes = p.pupils().get(0).consentChanges();
        assertEquals(3, changes.size());
        ConsentTerms facebook = changes.get(0).terms();
        assertEquals(new ConsentTerms(ConsentState.GRANTED, GivenBy.PARENT_CARER, null, LocalDate.of(2025, 9, 10),
                ConsentMethod.PARENT_APP, "msg-77", NameAllowance.FIRST_NAME, LocalDate.of(2026, 8, 31)), facebook);
        assertEquals(ConsentState.REFUSED, changes.get(1).terms().state());
        assertEquals("instagram", changes.get(1).purpose());
        assertEquals(NameAllowance.NONE, changes.get(1).terms().nameAllowance(), "a refusal allows no name");
        assertEquals("website", changes.get(2).purpose());
    }

    @Test
    void perPurposeNameAllowanceOverridesTheGeneralOne() {
        ImportPlan p = plan("MIS ID,Forename,Surname,Facebook,Instagram,Instagram Names,Names\n1,Ava,Smith,yes,yes,full name,none\n");
        assertTrue(p.valid(), p.problems().toString());
        assertEquals(NameAllowance.NONE, p.pupils().get(0).consentChanges().get(0).terms().nameAllowance());
        assertEquals(NameAllowance.FULL_NAME, p.pupils().get(0).consentChanges().get(1).terms().nameAllowance());
    }

    @Test
    void schoolDefinedPurposesAreReadByLabel() {
        ImportPlan p = plan("MIS ID,Forename,Surname,School Prospectus Consent\n1,Ava,Smith,yes\n");
        assertTrue(p.valid(), p.problems().toString());
        assertEquals("school-prospectus", p.pupils().get(0).consentChanges().get(0).purpose());
    }

    @Test
    void headerVariantsIgnoreCaseSpacesAndPunctuation() {
        ImportPlan p = plan("  mis-id ,FORENAME,legal_surname,YEAR GROUP\n7,Ava,Smith,Y3\n");
        assertTrue(p.valid(), p.problems().toString());
        assertEquals("Y3", p.pupils().get(0).details().yearGroup());
    }

    @Test
    void wrongColumnsAreRefusedOnTheHeaderLine() {
        ImportPlan p = plan("Pupil,Name,Class\n1,Ava Smith,3A\n");
        assertFalse(p.valid());
        assertEquals(List.of(1, 1, 1), p.problems().stream().map(ImportPlan.LineProblem::line).toList());
        assertTrue(p.problems().get(0).message().startsWith("no MIS id column"), p.problems().get(0).message());
        assertTrue(p.pupils().isEmpty());
    }

    @Test
    void duplicateMisIdsAreRefusedNamingBothLines() {
        ImportPlan p = plan("Adno,Forename,Surname\n1,Ava,Smith\n2,Ben,Jones\n1,Ava,Smyth\n");
        assertFalse(p.valid());
        assertEquals(List.of(new ImportPlan.LineProblem(4, "MIS id 1 appears again (first on line 2).")), p.problems());
        assertTrue(p.pupils().isEmpty(), "a refused file plans nothing");
    }

    @Test
    void badDatesAreReportedPerLineAndField() {
        ImportPlan p = plan("Adno,Forename,Surname,Admission Date,Leaving Date\n1,Ava,Smith,31/02/2024,\n2,Ben,Jones,2024-09-03,next week\n3,Cy,Hill,2024-09-03,2024-01-01\n");
        assertEquals(List.of(
                "Line 2: on-roll date: '31/02/2024' is not a date (use dd/mm/yyyy or yyyy-mm-dd).",
                "Line 3: leaving date: 'next week' is not a date (use dd/mm/yyyy or yyyy-mm-dd).",
                "Line 4: the leaving date is before the on-roll date."),
                p.problems().stream().map(ImportPlan.LineProblem::words).toList());
    }

    @Test
    void americanOrderDatesThatCannotBeDayFirstAreRefused() {
        ImportPlan p = plan("Adno,Forename,Surname,Admission Date\n1,Ava,Smith,09/13/2024\n");
        assertFalse(p.valid());
    }

    @Test
    void badConsentValuesAreRefused() {
        ImportPlan p = plan("Adno,Forename,Surname,Facebook Consent,Name Allowance,Consent Given By\n1,Ava,Smith,maybe,,\n2,Ben,Jones,yes,surname only,\n3,Cy,Hill,yes,,the neighbour\n");
        assertEquals(List.of(2, 3, 4), p.problems().stream().map(ImportPlan.LineProblem::line).toList());
        assertEquals("Facebook consent 'maybe' is not yes or no.", p.problems().get(0).message());
    }

    @Test
    void consentDatedInTheFutureIsRefused() {
        ImportPlan p = plan("Adno,Forename,Surname,Facebook,Consent Date\n1,Ava,Smith,yes,2026-05-02\n");
        assertEquals("Facebook consent date 2 May 2026 is in the future.", p.problems().get(0).message());
    }

    @Test
    void missingNamesAreRefused() {
        ImportPlan p = plan("Adno,Forename,Surname\n,Ava,Smith\n2,,Jones\n");
        assertEquals(List.of("Line 2: no MIS id.", "Line 3: no first name."),
                p.problems().stream().map(ImportPlan.LineProblem::words).toList());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals("The file is empty.", plan(new byte[0]).problems().get(0).message());
        assertEquals("The file is empty.", plan("\r\n\r\n").problems().get(0).message());
    }

    @Test
    void aHeaderWithoutPupilsIsRefused() {
        assertEquals("The file has a header but no pupils.", plan("Adno,Forename,Surname\n").problems().get(0).message());
    }

    @Test
    void tooManyFieldsOnALineIsRefusedWithAHintAboutQuotes() {
        ImportPlan p = plan("Adno,Forename,Surname\n1,Ava,Smith, Jr\n");
        assertEquals("has 4 fields but the header has 3 (a name with a comma must be in quotes).", p.problems().get(0).message());
    }

    @Test
    void anUnterminatedQuoteRefusesTheFile() {
        ImportPlan p = plan("Adno,Forename,Surname\n1,\"Ava,Smith\n2,Ben,Jones\n");
        assertEquals(2, p.problems().get(0).line());
    }

    @Test
    void crlfLineEndsAndABomAreRead() {
        byte[] body = "Adno,Forename,Surname\r\n1,Zoë,Smith\r\n2,Ben,Jones\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ImportPlan p = plan(withBom);
        assertTrue(p.valid(), p.problems().toString());
        assertEquals("UTF-8 with BOM", p.encoding());
        assertEquals("1", p.pupils().get(0).misId(), "the BOM must not end up in the first header");
        assertEquals("Zoë", p.pupils().get(0).details().firstName());
        assertEquals("Jones", p.pupils().get(1).details().surname(), "no stray carriage return");
    }

    @Test
    void quotedNamesWithCommasQuotesAndLineBreaksAreRead() {
        ImportPlan p = plan("Adno,Forename,Surname,Year\n1,\"Mary, Jane\",\"O\"\"Neil\",3\n2,\"Ben\nJamin\",Jones,4\n3,Cy,Hill,5\n");
        assertTrue(p.valid(), p.problems().toString());
        assertEquals("Mary, Jane", p.pupils().get(0).details().firstName());
        assertEquals("O\"Neil", p.pupils().get(0).details().surname());
        assertEquals("Ben Jamin", p.pupils().get(1).details().firstName(), "a line break inside a name becomes a space");
        assertEquals(5, p.pupils().get(2).line(), "lines are file lines, counting the break inside the quotes");
    }

    @Test
    void aLineNumberAfterAMultiLineFieldIsTheFileLine() {
        ImportPlan p = plan("Adno,Forename,Surname,Admission Date\n1,\"Ava\n\nRose\",Smith,\n2,Ben,Jones,bad\n");
        assertEquals(5, p.problems().get(0).line());
    }

    @Test
    void windows1252IsDetected() {
        ImportPlan p = plan("Adno;Forename;Surname\n1;Siobhán;O’Brien\n".getBytes(Charset.forName("windows-1252")));
        assertTrue(p.valid(), p.problems().toString());
        assertEquals("Windows-1252", p.encoding());
        assertEquals("Siobhán", p.pupils().get(0).details().firstName());
        assertEquals("O’Brien", p.pupils().get(0).details().surname());
    }

    @Test
    void aFiveMegabyteExportIsPlannedInFull() {
        StringBuilder b = new StringBuilder("Adno,UPN,Legal Surname,Legal Forename,Year,Reg,Admission Date,Facebook,Instagram,Website,Press,Address,Notes\r\n");
        int n = 0;
        while (b.length() < 5 * 1024 * 1024) {
            n++;
            b.append(n).append(",UPN").append(n).append(",Surname").append(n).append(",\"Name, ").append(n)
                    .append("\",Year ").append(n % 7).append(',').append(n % 7).append("A,01/09/2020,yes,no,yes,yes,")
                    .append("\"").append(n).append(" Long Street, Some Town\",\"").append("x".repeat(300)).append("\"\r\n");
        }
        long start = System.nanoTime();
        ImportPlan p = plan(b.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(p.valid(), p.problems().toString());
        assertEquals(n, p.added());
        assertEquals(4L * n, p.consentVersions());
        assertTrue(millis < 10_000, "planning 5 MB took " + millis + " ms");
    }

    @Test
    void problemsBeyondTheReportLimitAreCounted() {
        StringBuilder b = new StringBuilder("Adno,Forename,Surname\n");
        for (int i = 0; i < 250; i++) {
            b.append(i).append(",,Smith\n");
        }
        ImportPlan p = plan(b.toString());
        assertEquals(200, p.problems().size());
        assertEquals(50, p.moreProblems());
    }

    // --- against an existing roster: what changes ---

    void onRoster(String misId, PupilDetails d, ConsentRecord... consents) {
        Map<String, ConsentRecord> byPurpose = new HashMap<>();
        for (ConsentRecord c : consents) {
            byPurpose.put(c.purpose, c);
        }
        roster.put(misId, new RosterImport.Existing(roster.size() + 1, d, byPurpose));
    }

    static ConsentRecord version(String purpose, ConsentState state, LocalDate given, LocalDate expires) {
        ConsentRecord r = new ConsentRecord();
        r.purpose = purpose;
        r.version = 1;
        r.state = state;
        r.givenBy = GivenBy.PARENT_CARER;
        r.dateGiven = given;
        r.method = ConsentMethod.MIS;
        r.nameAllowance = state == ConsentState.GRANTED || state == ConsentState.WITHDRAWN || state == ConsentState.EXPIRED
                ? NameAllowance.FIRST_NAME : NameAllowance.NONE;
        r.expiresOn = expires;
        return r;
    }

    static final String WITH_CONSENT = "Adno,Forename,Surname,Year,Instagram,Names,Consent Date,Consent Expiry\n1,Ava,Smith,Year 3,%s,first name,%s,2026-08-31\n";

    @Test
    void theSameFileAgainChangesNothing() {
        onRoster("1", new PupilDetails("1", "Ava", "Smith", null, "Year 3", null, null, null),
                version("instagram", ConsentState.GRANTED, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31)));
        ImportPlan p = plan(WITH_CONSENT.formatted("yes", "01/09/2025"));
        assertEquals(1, p.unchanged(), p.pupils().toString());
        assertEquals(0, p.consentVersions());
    }

    @Test
    void aChangedNameIsAChangeInWords() {
        onRoster("1", new PupilDetails("1", "Ava", "Smith", null, "Year 2", null, null, null));
        ImportPlan.PupilRow row = plan("Adno,Forename,Surname,Year\n1,Ava,Smyth,Year 3\n").pupils().get(0);
        assertEquals(ImportPlan.Change.CHANGED, row.change());
        assertEquals("surname Smith → Smyth, year group Year 2 → Year 3", row.pupilChange());
    }

    @Test
    void mISNowSayingNoWithdrawsAGrantedConsent() {
        onRoster("1", new PupilDetails("1", "Ava", "Smith", null, "Year 3", null, null, null),
                version("instagram", ConsentState.GRANTED, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31)));
        ImportPlan.ConsentChange c = plan(WITH_CONSENT.formatted("no", "01/09/2025")).pupils().get(0).consentChanges().get(0);
        assertEquals(ImportPlan.Action.WITHDRAW, c.action());
    }

    @Test
    void aWithdrawalRecordedHereIsNotUndoneByAnMisStillShowingTheOldConsent() {
        ConsentRecord withdrawn = version("instagram", ConsentState.WITHDRAWN, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31));
        withdrawn.withdrawnAt = Instant.parse("2026-03-10T10:00:00Z");
        onRoster("1", new PupilDetails("1", "Ava", "Smith", null, "Year 3", null, null, null), withdrawn);
        ImportPlan p = plan(WITH_CONSENT.formatted("yes", "01/09/2025"));
        assertEquals(ImportPlan.Change.UNCHANGED, p.pupils().get(0).change());
        assertTrue(p.notes().get(0).contains("stays withdrawn"), p.notes().toString());
    }

    @Test
    void aConsentDatedAfterTheWithdrawalGrantsAgain() {
        ConsentRecord withdrawn = version("instagram", ConsentState.WITHDRAWN, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31));
        withdrawn.withdrawnAt = Instant.parse("2026-03-10T10:00:00Z");
        onRoster("1", new PupilDetails("1", "Ava", "Smith", null, "Year 3", null, null, null), withdrawn);
        ImportPlan p = plan(WITH_CONSENT.formatted("yes", "20/04/2026"));
        assertEquals(ImportPlan.Action.RECORD, p.pupils().get(0).consentChanges().get(0).action());
    }

    @Test
    void anExpiredConsentIsNotRevivedByTheSameOldMisRecord() {
        onRoster("1", new PupilDetails("1", "Ava", "Smith", null, "Year 3", null, null, null),
                version("instagram", ConsentState.EXPIRED, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31)));
        assertEquals(1, plan(WITH_CONSENT.formatted("yes", "01/09/2025")).unchanged());
    }

    @Test
    void pupilsMissingFromTheFileAreLeftAloneAndCounted() {
        onRoster("99", new PupilDetails("99", "Old", "Pupil", null, null, null, null, null));
        ImportPlan p = plan("Adno,Forename,Surname\n1,Ava,Smith\n");
        assertEquals(List.of("1 pupils on the roster are not in this file; they are left as they are."), p.notes());
    }
}
