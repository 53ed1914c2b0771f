package org.schoolgate.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.schoolgate.support.Api;

/** Bad input gets a clear 4xx problem+json, never a 500 or a stack trace. */
@QuarkusTest
class ProblemJsonTest {

    @Test
    void malformedJson() {
        Api.as("admin").contentType("application/json").body("{\"name\": \"A\", ").post("/api/staff")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", is("Malformed request body")).body("detail", containsString("not valid JSON"))
                .body(not(containsString("at org.")));
    }

    @Test
    void wrongTypeOfField() {
        Api.as("admin").contentType("application/json").body("{\"name\": \"A\", \"roles\": 5}").post("/api/staff")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("roles"));
    }

    @Test
    void validationNamesEachField() {
        Api.as("admin").contentType("application/json").body("{\"name\": \"\", \"email\": \"not-an-email\", \"roles\": []}")
                .post("/api/staff").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("roles")).body("errors.field", hasItem("password"))
                .body("errors.message", hasItem("Enter a valid e-mail address"));
    }

    @Test
    void anArrayWhereAnObjectBelongs() {
        Api.as("admin").contentType("application/json").body("[\"name\"]").post("/api/staff")
                .then().statusCode(400).contentType("application/problem+json").body("title", is("Malformed request body"));
    }

    @Test
    void missingBody() {
        Api.as("admin").contentType("application/json").post("/api/staff")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownRole() {
        Api.as("admin").contentType("application/json")
                .body("{\"name\":\"A\",\"email\":\"a-unknown-role@demo.school\",\"roles\":[\"wizard\"],\"password\":\"a-long-password\"}")
                .post("/api/staff").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Unknown role wizard"));
    }

    @Test
    void wrongContentType() {
        Api.as("admin").contentType("text/plain").body("hello").post("/api/staff")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        // announce 30 MB and wait for the server's answer before sending it, as a careful client does
        var request = java.net.http.HttpRequest.newBuilder(url.toURI().resolve("/api/staff")).expectContinue(true)
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin@demo.school:demo".getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[30 * 1024 * 1024])).build();
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(413);
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL url;

    @Test
    void unknownApiRouteAndWrongMethod() {
        Api.as("admin").get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        Api.as("admin").delete("/api/me").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void unknownPageIsAFriendlyPage() {
        Api.as("admin").get("/no-such-page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is nothing here"));
    }

    @Test
    void notLoggedInIsA401WithAChallenge() {
        given().get("/api/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("head@demo.school", "wrong").get("/api/me").then().statusCode(401);
    }

    @Test
    void securityHeadersAreSet() {
        given().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Referrer-Policy", is("same-origin"));
    }
}
