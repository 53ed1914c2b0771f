package org.schoolgate.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an admin gives to create a member of staff (JSON body of {@code POST /api/staff} and the admin form). */
public record NewStaffUser(
        @NotBlank(message = "Enter the person's name") @Size(max = 200) String name,
        @NotBlank(message = "Enter the school e-mail address") @Email(message = "Enter a valid e-mail address") @Size(max = 254) String email,
        @NotEmpty(message = "Choose at least one role") List<String> roles,
        @NotBlank(message = "Enter a password") @Size(min = 10, max = 200, message = "The password needs at least 10 characters") String password) {
}
