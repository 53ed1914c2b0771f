package org.schoolgate.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.util.Base64;

/** The CSRF token of this browser, for {@code {inject:csrf.token}} in every form. */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    public static final String COOKIE = "csrf";
    public static final String FIELD = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private String token;
    private boolean fresh;

    /** The hidden field's name, so templates never spell it. */
    public String field() {
        return FIELD;
    }

    public String token() {
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            fresh = true;
        }
        return token;
    }

    void fromCookie(String value) {
        token = value;
    }

    boolean isFresh() {
        return fresh;
    }
}
