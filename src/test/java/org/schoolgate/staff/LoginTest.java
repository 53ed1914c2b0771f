package org.schoolgate.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.audit.AuditEvent;
import org.schoolgate.support.OtherSchool;

@QuarkusTest
class LoginTest {

    @Inject
    LoginThrottle throttle;

    @AfterEach
    void forget() {
        throttle.clear();
    }

    private static Response formLogin(String email, String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", email).formParam("j_password", password).post("/j_security_check");
    }

    @Test
    void rightPasswordGivesAnHttpOnlySameSiteSession() {
        Response r = formLogin("head@demo.school", "demo");
        assertThat(r.statusCode()).isEqualTo(302);
        String cookie = r.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("quarkus-credential="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        given().cookie(r.getDetailedCookie("quarkus-credential")).get("/").then().statusCode(200)
                .body(containsString("Helen Head"));
    }

    @Test
    void unknownAccountAndWrongPasswordLookTheSame() {
        Response wrongPassword = formLogin("head@demo.school", "nope");
        Response unknown = formLogin("nobody@demo.school", "nope");
        assertThat(wrongPassword.header("Location")).endsWith("/login").isEqualTo(unknown.header("Location"));
        assertThat(wrongPassword.getCookie("login-failed")).isEqualTo(unknown.getCookie("login-failed")).isEqualTo("1");
        given().cookie("login-failed", "1").get("/login").then().body(containsString("did not work"));
        given().get("/login").then().body(not(containsString("did not work")));
    }

    @Test
    void anAccountIsLockedAfterRepeatedFailuresEvenForTheRightPassword() {
        OtherSchool school = OtherSchool.create();
        String email = school.email(Role.OFFICE);
        for (int i = 0; i < 5; i++) {
            formLogin(email, "wrong-" + i).then().cookie("login-failed", "1");
        }
        formLogin(email, OtherSchool.PASSWORD).then().cookie("login-failed", "1").header("Location", endsWith("/login"));
        school.as(Role.OFFICE).get("/api/me").then().statusCode(401);
        throttle.clear();
        formLogin(email, OtherSchool.PASSWORD).then().statusCode(302).header("Location", endsWith("/"));
    }

    @Test
    void loginsAreAudited() {
        formLogin("dsl@demo.school", "demo");
        formLogin("dsl@demo.school", "not-it");
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(AuditEvent.count("action = 'login.succeeded' and actor = 'dsl@demo.school'")).isPositive();
            AuditEvent failed = AuditEvent.<AuditEvent>find("action = 'login.failed' and actor = 'dsl@demo.school' order by seq desc")
                    .firstResult();
            assertThat(failed.details).contains("wrong password");
        });
    }

    @Test
    void disabledAccountsCannotLogIn() {
        OtherSchool school = OtherSchool.create();
        QuarkusTransaction.requiringNew().run(() -> StaffUser.findByEmail(school.email(Role.STAFF)).orElseThrow().active = false);
        school.as(Role.STAFF).get("/api/me").then().statusCode(401);
    }

    @Test
    void logoutEndsTheSession() {
        Response login = formLogin("office@demo.school", "demo");
        var session = login.getDetailedCookie("quarkus-credential");
        Response out = given().redirects().follow(false).cookie(session).cookie("csrf", "t").formParam("_csrf", "t")
                .contentType("application/x-www-form-urlencoded").post("/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.getHeaders().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("quarkus-credential=;")
                || c.startsWith("quarkus-credential=") && c.contains("Max-Age=0"));
    }
}
