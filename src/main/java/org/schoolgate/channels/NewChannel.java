package org.schoolgate.channels;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the headteacher records to register a channel (SPEC §2.2). */
public record NewChannel(
        @NotNull(message = "Choose the platform") Platform platform,
        @NotBlank(message = "Enter the Page or account id") @Size(max = 64) String accountId,
        @NotBlank(message = "Enter a name for the channel") @Size(max = 200) String name,
        @NotNull(message = "Say whether the school runs the channel or only monitors it") ChannelKind kind,
        @NotBlank(message = "Describe the purpose") @Size(max = 4000) String purpose,
        @NotBlank(message = "Describe the objectives") @Size(max = 4000) String objectives,
        @NotBlank(message = "Record the risk assessment") @Size(max = 8000) String riskAssessment,
        @NotBlank(message = "Enter the school e-mail address used to register the account") @Email @Size(max = 254)
        String registeredWithEmail) {
}
