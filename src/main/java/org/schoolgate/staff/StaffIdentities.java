package org.schoolgate.staff;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

final class StaffIdentities {

    static final String USER_ID = "schoolgate.user-id";

    private StaffIdentities() {
    }

    static SecurityIdentity of(StaffUser user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.email))
                .addAttribute(USER_ID, user.id);
        user.roles.forEach(r -> builder.addRole(r.id()));
        return builder.build();
    }
}
