package org.schoolgate.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolgate.support.Api;

@QuarkusTest
class ClassifyResourceTest {

    private static final String PATH = "/api/moderation/classify";

    @Test
    void answersOneVerdictPerTextInTheSameOrder() {
        Api.as("head").contentType(ContentType.JSON)
                .body(Map.of("texts", List.of(
                        "Lovely to see the children enjoying sports day, well done everyone!",
                        "watch your back",
                        "you stupid f*cking idiot",
                        "call me on 07700 900123")))
                .post(PATH)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("model", matchesPattern("abuse-maxent-qn-\\d{8}-[0-9a-f]{8}"))
                .body("verdicts", hasSize(4))
                .body("verdicts[0].categories", contains("ok"))
                .body("verdicts[0].severity", is("none"))
                .body("verdicts[0].abusive", lessThan(0.15f))
                .body("verdicts[1].categories", hasItem("threat"))
                .body("verdicts[1].severity", is("critical"))
                .body("verdicts[1].why", containsString("watch your back"))
                .body("verdicts[2].categories", hasItem("abuse"))
                .body("verdicts[2].abusive", allOf(greaterThanOrEqualTo(0.15f), lessThanOrEqualTo(1.0f)))
                .body("verdicts[2].why", not(emptyOrNullString()))
                .body("verdicts[3].categories", hasItem("personal-data"));
    }

    @Test
    void aThousandTextsAreAccepted() {
        Api.as("dsl").contentType(ContentType.JSON)
                .body(Map.of("texts", Collections.nCopies(1000, "thank you")))
                .post(PATH)
                .then().statusCode(200).body("verdicts", hasSize(1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"head", "dsl", "admin"})
    void headteacherDslAndAdminMayClassify(String user) {
        Api.as(user).contentType(ContentType.JSON).body("{\"texts\":[\"hello\"]}").post(PATH)
                .then().statusCode(200).body("verdicts", hasSize(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"office", "staff", "governor"})
    void otherRolesAreRefused(String user) {
        Api.as(user).contentType(ContentType.JSON).body("{\"texts\":[\"hello\"]}").post(PATH)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void withoutCredentialsTheAnswerIs401() {
        given().contentType(ContentType.JSON).body("{\"texts\":[\"hello\"]}").post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"texts\": null}",
        "{\"texts\": []}",
        "{\"texts\": \"one text\"}",
        "{\"texts\": [\"ok\", 42]}",
        "{\"texts\": [\"ok\", null]}",
        "{\"texts\": [[\"nested\"]]}",
        "{\"texts\": [\"unterminated\"",
        "not json at all",
        "[\"texts\"]",
    })
    void badBodiesAre400Problems(String body) {
        Api.as("head").contentType(ContentType.JSON).body(body).post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400)).body("detail", not(emptyOrNullString()));
    }

    @Test
    void moreThanAThousandTextsAre400() {
        Api.as("head").contentType(ContentType.JSON)
                .body(Map.of("texts", Collections.nCopies(1001, "x")))
                .post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("1001"));
    }

    @Test
    void anEmptyBodyIs400() {
        Api.as("head").contentType(ContentType.JSON).post(PATH)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
