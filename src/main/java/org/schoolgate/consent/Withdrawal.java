package org.schoolgate.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A withdrawal of consent: who asked and how. It takes effect when recorded. */
public record Withdrawal(
        @NotBlank(message = "Say who withdrew consent") @Size(max = 200, message = "Who withdrew is at most 200 characters") String withdrawnBy,
        @NotNull(message = "Say how consent was withdrawn") ConsentMethod method,
        @Size(max = 500, message = "The note is at most 500 characters") String note) {
}
