package org.schoolgate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.schoolgate.support.Api;

@QuarkusTest
class SmokeTest {

    @Test
    void healthIsUpWithoutLogin() {
        given().get("/q/health").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void meNamesTheDemoHeadteacher() {
        Api.as("head").get("/api/me").then().statusCode(200)
                .body("roles", hasItem("headteacher"))
                .body("schools[0].name", is("Demo Primary School"));
    }
}
