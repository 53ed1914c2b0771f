package org.schoolgate.consent;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.schoolgate.support.Api;

@QuarkusTest
class PupilPagesTest {

    @Test
    void officeSearchesTheRoster() {
        Pupil p = ConsentTestData.pupil("Pia", "Pagesearch");
        Api.as("office").get("/pupils?q=Pagesearch").then().statusCode(200)
                .body(containsString("data-testid=\"pupils\"")).body(containsString("/pupils/" + p.id));
    }

    @Test
    void officeSeesWithdrawAndRecordControlsTheHeadteacherDoesNot() {
        Pupil p = ConsentTestData.pupil("Pat", "Pages");
        ConsentTestData.granted(p, "instagram", null);
        Api.as("office").get("/pupils/" + p.id).then().statusCode(200)
                .body(containsString("data-testid=\"withdraw-instagram\""))
                .body(containsString("data-testid=\"record-consent\""))
                .body(containsString("data-testid=\"history\""));
        Api.as("head").get("/pupils/" + p.id).then().statusCode(200)
                .body(containsString("data-testid=\"status-instagram\""))
                .body(not(containsString("withdraw-instagram")))
                .body(not(containsString("record-consent")));
    }

    @Test
    void officeWithdrawsInstagramThroughThePageAndTheHistoryShowsBothVersions() {
        Pupil p = ConsentTestData.pupil("Wendy", "Pagewithdraw");
        ConsentTestData.granted(p, "instagram", null);
        ConsentTestData.form("office").formParam("withdrawnBy", "Mother, by phone").formParam("method", "PHONE")
                .post("/pupils/" + p.id + "/consents/instagram/withdraw").then().statusCode(303)
                .header("Location", containsString("/pupils/" + p.id));
        Api.as("office").get("/api/pupils/" + p.id).then().body("consents[0].state", is("WITHDRAWN"))
                .body("consents[0].withdrawnBy", is("Mother, by phone"));
        Api.as("office").get("/pupils/" + p.id).then().body(containsString("Mother, by phone"))
                .body(containsString("data-testid=\"status-instagram\">Withdrawn"));
    }

    @Test
    void theHeadteacherCannotPostTheWithdrawForm() {
        Pupil p = ConsentTestData.pupil("Hal", "Headpost");
        ConsentTestData.granted(p, "instagram", null);
        ConsentTestData.form("head").formParam("withdrawnBy", "x").formParam("method", "PHONE")
                .post("/pupils/" + p.id + "/consents/instagram/withdraw").then().statusCode(not(303));
        Api.as("office").get("/api/pupils/" + p.id).then().body("consents[0].state", is("GRANTED"));
    }

    @Test
    void officeAddsAPupilAndRecordsConsentByForm() {
        String mis = ConsentTestData.unique("FORM");
        String location = ConsentTestData.form("office").formParam("misId", mis).formParam("firstName", "Fay")
                .formParam("surname", "Formfill").formParam("onRollDate", "03/09/2024").post("/pupils")
                .then().statusCode(303).extract().header("Location");
        String path = location.replaceAll("^https?://[^/]+", "");
        ConsentTestData.form("office").formParam("purpose", "website").formParam("state", "GRANTED")
                .formParam("givenBy", "PARENT_CARER").formParam("dateGiven", "2025-09-01").formParam("method", "PARENT_APP")
                .formParam("nameAllowance", "FIRST_NAME").formParam("expiresOn", "2099-08-31")
                .post(path + "/consents").then().statusCode(303);
        Api.as("office").get("/api/pupils?q=" + mis).then().body("[0].onRollDate", is("2024-09-03"));
        Api.as("office").get(path).then().body(containsString("data-testid=\"status-website\">Given"));
    }

    @Test
    void aFormPostWithoutTheCsrfFieldIsRefused() {
        Api.as("office").formParam("misId", "x").formParam("firstName", "a").formParam("surname", "b")
                .redirects().follow(false).post("/pupils").then().statusCode(403);
    }

    @Test
    void renewalsPurposesUploadPagesAndTheOfficeTileRender() {
        Api.as("office").get("/pupils/renewals").then().statusCode(200).body(containsString("Consents ending in the next 30 days"));
        Api.as("head").get("/pupils/purposes").then().statusCode(200).body(containsString("Prospectus"))
                .body(not(containsString("New purpose")));
        Api.as("office").get("/pupils/import").then().statusCode(200).body(containsString("data-testid=\"import-file\""));
        Api.as("office").get("/").then().statusCode(200).body(containsString("Consents to renew"));
        Api.as("office").get("/").then().body(containsString("href=\"/pupils\""));
    }
}
