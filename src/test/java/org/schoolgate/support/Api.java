package org.schoolgate.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** RestAssured as a demo user of the demo school (HTTP Basic, password "demo"). */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String local) {
        return given().auth().preemptive().basic(local + "@demo.school", "demo");
    }
}
