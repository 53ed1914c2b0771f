package org.schoolgate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A refused form action comes back as a flash error on the page it came from; not found stays a 404. */
class FlashAttemptTest {

    private static String flash(Response r) {
        String cookie = r.getHeaderString("Set-Cookie");
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Test
    void whatTheActionAnswersIsTheAnswer() {
        Response r = Flash.attempt("/back", () -> Flash.redirect("/done", "Saved."));
        assertThat(r.getStatus()).isEqualTo(303);
        assertThat(r.getLocation()).hasToString("/done");
        assertThat(flash(r)).isEqualTo("ISaved.");
    }

    @Test
    void aRefusalGoesBackWithItsWordsAndThePrefix() {
        Response bad = Flash.attempt("/back", () -> {
            throw new BadRequestException("Enter the reason");
        });
        assertThat(bad.getLocation()).hasToString("/back");
        assertThat(flash(bad)).isEqualTo("EEnter the reason");

        Response rule = Flash.attempt("/posts/1", "Not signed off: ", () -> {
            throw new WebApplicationException("You wrote this post: a colleague signs it off", 403);
        });
        assertThat(flash(rule)).isEqualTo("ENot signed off: You wrote this post: a colleague signs it off");

        Response platform = Flash.attempt("/back", () -> {
            throw new WebApplicationException("Facebook refused: the comment is gone", 502);
        });
        assertThat(flash(platform)).isEqualTo("EFacebook refused: the comment is gone");
    }

    @Test
    void notFoundAndOtherErrorsAreNotTurnedIntoMessages() {
        assertThatThrownBy(() -> Flash.attempt("/back", () -> {
            throw new NotFoundException();
        })).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Flash.attempt("/back", () -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
    }
}
