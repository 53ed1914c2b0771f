package org.schoolgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class SecureCookiesTest {

    @Test
    void everyCookieGainsSecureOnce() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Set-Cookie", "quarkus-credential=abc; Path=/; HttpOnly; SameSite=Strict")
                .add("Set-Cookie", "csrf=x; Path=/; Secure; HttpOnly")
                .add("Content-Type", "text/html");
        SecureCookies.secure(headers);
        assertThat(headers.getAll("Set-Cookie")).containsExactly(
                "quarkus-credential=abc; Path=/; HttpOnly; SameSite=Strict; Secure", "csrf=x; Path=/; Secure; HttpOnly");
        assertThat(headers.get("Content-Type")).isEqualTo("text/html");
    }
}
