package org.schoolgate.consent;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.schoolgate.support.Api;

@QuarkusTest
class RosterImportServiceTest {

    static String file(String prefix) {
        return "Adno,Legal Forename,Legal Surname,Year,Reg,Admission Date,Facebook Consent,Instagram Consent,Website,Press,Name Allowance,Consent Date,Consent Expiry\r\n"
                + prefix + "1,Ava,Importer,Year 3,3A,03/09/2023,Yes,No,Yes,Yes,First name,01/09/2025,31/08/2026\r\n"
                + prefix + "2,\"Mary, Jane\",\"O\"\"Importer\",Year 4,4B,2022-09-05,Yes,Yes,Yes,No,Full name,01/09/2025,31/08/2026\r\n";
    }

    static long pupilsWithPrefix(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> Pupil.count("misId like ?1", prefix + "%"));
    }

    static long versionsWithPrefix(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ConsentRecord.count(
                "pupilId in (select p.id from Pupil p where p.misId like ?1)", prefix + "%"));
    }

    static int upload(String name, byte[] content) {
        return Api.as("office").contentType("text/csv").body(content).queryParam("fileName", name).post("/api/pupils/import")
                .then().statusCode(200).extract().path("importId");
    }

    @Test
    void previewChangesNothingApplyWritesAndTheSameFileAgainChangesNothing() {
        String prefix = ConsentTestData.unique("IMP");
        byte[] csv = file(prefix).getBytes(StandardCharsets.UTF_8);
        int id = Api.as("office").contentType("text/csv").body(csv).queryParam("fileName", "sims.csv").post("/api/pupils/import")
                .then().statusCode(200).body("valid", is(true)).body("added", is(2)).body("consentVersions", is(8))
                .extract().path("importId");
        assertEquals(0, pupilsWithPrefix(prefix), "a preview changes nothing");

        Api.as("office").contentType("application/json").post("/api/pupils/import/" + id + "/apply").then().statusCode(200).body("added", is(2));
        assertEquals(2, pupilsWithPrefix(prefix));
        assertEquals(8, versionsWithPrefix(prefix));
        Api.as("office").get("/api/pupils?q=" + prefix + "2").then().body("[0].firstName", is("Mary, Jane"))
                .body("[0].surname", is("O\"Importer"));

        int again = Api.as("office").contentType("text/csv").body(csv).queryParam("fileName", "sims.csv").post("/api/pupils/import")
                .then().statusCode(200).body("added", is(0)).body("changed", is(0)).body("unchanged", is(2))
                .extract().path("importId");
        Api.as("office").contentType("application/json").post("/api/pupils/import/" + again + "/apply").then().statusCode(200).body("changed", is(0));
        assertEquals(2, pupilsWithPrefix(prefix));
        assertEquals(8, versionsWithPrefix(prefix), "re-importing the same file appends no version");
    }

    @Test
    void anImportIsAuditedOnceWithTheFileHash() {
        String prefix = ConsentTestData.unique("AUD");
        int id = upload("audit.csv", file(prefix).getBytes(StandardCharsets.UTF_8));
        Api.as("office").contentType("application/json").post("/api/pupils/import/" + id + "/apply").then().statusCode(200);
        String details = QuarkusTransaction.requiringNew().call(() -> org.schoolgate.audit.AuditEvent
                .<org.schoolgate.audit.AuditEvent>find("action = ?1 and subjectId = ?2", "pupil.imported", Integer.toString(id))
                .firstResult().details);
        assertEquals(true, details.startsWith("audit.csv sha256 "), details);
        assertEquals(true, details.contains("added: " + prefix + "1, " + prefix + "2"), details);
    }

    @Test
    void aFileWithOneBadLineIsRefusedWholeAndNothingChanges() {
        String prefix = ConsentTestData.unique("BAD");
        String csv = file(prefix) + prefix + "3,Cy,Broken,Year 5,5A,31/02/2024,Yes,,,,,,\r\n";
        int id = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8));
        Api.as("office").contentType("application/json").post("/api/pupils/import/" + id + "/apply").then().statusCode(400)
                .body("valid", is(false))
                .body("problems", hasItem("Line 4: on-roll date: '31/02/2024' is not a date (use dd/mm/yyyy or yyyy-mm-dd)."));
        assertEquals(0, pupilsWithPrefix(prefix));
    }

    @Test
    void aWithdrawalInTheMisWithdrawsAndFiresTheEvent() {
        String prefix = ConsentTestData.unique("WD");
        Api.as("office").contentType("application/json").post("/api/pupils/import/" + upload("a.csv", file(prefix).getBytes(StandardCharsets.UTF_8)) + "/apply")
                .then().statusCode(200);
        String changed = file(prefix).replace(prefix + "1,Ava,Importer,Year 3,3A,03/09/2023,Yes,", prefix + "1,Ava,Importer,Year 3,3A,03/09/2023,No,");
        int id = upload("b.csv", changed.getBytes(StandardCharsets.UTF_8));
        Api.as("office").contentType("application/json").post("/api/pupils/import/" + id + "/apply").then().statusCode(200).body("changed", is(1))
                .body("pupils[0].consentChanges[0]", is("Facebook: withdrawn (the MIS now says no)"));
        int pupilId = Api.as("office").get("/api/pupils?q=" + prefix + "1").then().extract().path("[0].id");
        Api.as("office").get("/api/pupils/" + pupilId + "/consents").then()
                .body("find { it.purpose == 'facebook' && it.version == 2 }.state", is("WITHDRAWN"));
        assertEquals(1, ConsentTestData.auditCount("consent.withdrawn", pupilId));
    }

    @Test
    void aFiveMegabyteExportUploadsAndPreviews() {
        StringBuilder b = new StringBuilder("Adno,Legal Surname,Legal Forename,Facebook,Address\r\n");
        String prefix = ConsentTestData.unique("BIG");
        int n = 0;
        while (b.length() < 5 * 1024 * 1024) {
            n++;
            b.append(prefix).append(n).append(",Surname,Name,yes,\"").append("y".repeat(400)).append("\"\r\n");
        }
        int rows = n;
        Api.as("office").contentType("text/csv").body(b.toString().getBytes(StandardCharsets.UTF_8)).queryParam("fileName", "big.csv")
                .post("/api/pupils/import").then().statusCode(200).body("valid", is(true)).body("added", is(rows));
    }

    @Test
    void officeUploadsPreviewsAndAppliesThroughThePages() {
        String prefix = ConsentTestData.unique("PG");
        Response uploaded = ConsentTestData.form("office")
                .multiPart("file", "arbor.csv", file(prefix).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/pupils/import");
        uploaded.then().statusCode(303).header("Location", containsString("/pupils/import/"));
        String preview = uploaded.header("Location").replaceAll("^https?://[^/]+", "");
        Api.as("office").get(preview).then().statusCode(200)
                .body(containsString("data-testid=\"import-preview\""))
                .body(containsString("data-testid=\"import-apply\""))
                .body(containsString("<strong>2</strong> added"));
        assertEquals(0, pupilsWithPrefix(prefix));
        ConsentTestData.form("office").post(preview + "/apply").then().statusCode(303)
                .header("Location", containsString("/pupils"));
        assertEquals(2, pupilsWithPrefix(prefix));
    }

    @Test
    void theUploadPageShowsTheReportForABadFile() {
        Response uploaded = ConsentTestData.form("office")
                .multiPart("file", "wrong.csv", "Name,Class\nAva,3A\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/pupils/import");
        String preview = uploaded.header("Location").replaceAll("^https?://[^/]+", "");
        Api.as("office").get(preview).then().statusCode(200).body(containsString("data-testid=\"import-errors\""))
                .body(containsString("Line 1: no MIS id column"));
    }

    @Test
    void anUploadWithoutTheCsrfFieldIsRefused() {
        Api.as("office").multiPart("file", "x.csv", "Adno,Forename,Surname\n1,a,b\n".getBytes(StandardCharsets.UTF_8))
                .redirects().follow(false).post("/pupils/import").then().statusCode(403)
                .body(containsString("This form has expired"));
    }

    @Test
    void anAppliedImportCannotBeAppliedTwice() {
        String prefix = ConsentTestData.unique("TWICE");
        int id = upload("t.csv", file(prefix).getBytes(StandardCharsets.UTF_8));
        Api.as("office").contentType("application/json").post("/api/pupils/import/" + id + "/apply").then().statusCode(200);
        Api.as("office").contentType("application/json").post("/api/pupils/import/" + id + "/apply").then().statusCode(400)
                .body("detail", startsWith("This file was already imported"));
    }
}
