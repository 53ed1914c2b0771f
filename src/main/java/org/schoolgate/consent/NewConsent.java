package org.schoolgate.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A consent (or refusal) as the office records it from a form, a letter or the parent app. */
public record NewConsent(
        @NotBlank(message = "Choose the channel or purpose") String purpose,
        @NotNull(message = "Say whether consent was given or refused") ConsentState state,
        GivenBy givenBy,
        @Size(max = 200, message = "The name of who gave consent is at most 200 characters") String givenByName,
        LocalDate dateGiven,
        ConsentMethod method,
        @Size(max = 200, message = "The evidence reference is at most 200 characters") String evidenceRef,
        NameAllowance nameAllowance,
        LocalDate expiresOn,
        @Size(max = 500, message = "The note is at most 500 characters") String note) {
}
