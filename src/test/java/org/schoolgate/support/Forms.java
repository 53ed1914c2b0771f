package org.schoolgate.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Form posts as a browser sends them: the CSRF cookie and the same token in the hidden field. */
public final class Forms {

    public static final String TOKEN = "test-csrf-token-0123456789";

    private Forms() {
    }

    public static RequestSpecification as(String local) {
        return Api.as(local).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf", TOKEN).formParam("_csrf", TOKEN);
    }

    public static RequestSpecification anonymous() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf", TOKEN).formParam("_csrf", TOKEN);
    }
}
