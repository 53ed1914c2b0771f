package org.schoolgate.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.schoolgate.staff.StaffUser;
import org.schoolgate.support.Api;

/** A form post without the token of the browser's own CSRF cookie is refused and changes nothing. */
@QuarkusTest
class CsrfTest {

    private static io.restassured.specification.RequestSpecification newStaffForm(String email) {
        return Api.as("admin").redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("name", "Csrf Victim").formParam("email", email).formParam("roles", "admin")
                .formParam("password", "a-long-password");
    }

    private static boolean exists(String email) {
        return QuarkusTransaction.requiringNew().call(() -> StaffUser.findByEmail(email).isPresent());
    }

    @Test
    void aFormWithoutTokenIsRefused() {
        String email = "csrf-" + UUID.randomUUID() + "@demo.school";
        newStaffForm(email).post("/admin/staff").then().statusCode(403).body(containsString("expired"));
        assertThat(exists(email)).isFalse();
    }

    @Test
    void aTokenThatDoesNotMatchTheCookieIsRefused() {
        String email = "csrf-" + UUID.randomUUID() + "@demo.school";
        newStaffForm(email).cookie("csrf", "the-real-one").formParam("_csrf", "an-attackers-guess")
                .post("/admin/staff").then().statusCode(403);
        assertThat(exists(email)).isFalse();
    }

    @Test
    void theTokenFromThePageIsAccepted() {
        var page = Api.as("admin").get("/admin/staff");
        String cookie = page.getCookie("csrf");
        assertThat(cookie).isNotBlank();
        assertThat(page.asString()).contains("name=\"_csrf\" value=\"" + cookie + "\"");
        String email = "csrf-" + UUID.randomUUID() + "@demo.school";
        newStaffForm(email).cookie("csrf", cookie).formParam("_csrf", cookie).post("/admin/staff")
                .then().statusCode(303);
        assertThat(exists(email)).isTrue();
    }

    @Test
    void theCookieIsHttpOnlyAndStrict() {
        String header = given().get("/login").getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("csrf=")).findFirst().orElseThrow();
        assertThat(header).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
    }
}
