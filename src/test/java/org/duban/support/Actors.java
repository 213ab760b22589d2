package org.duban.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.duban.org.Role;
import org.duban.security.DubanUserDetails;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs test steps as a given user, the way a request would: through the SecurityContext the services read. Demo users
 * come from the database; {@link #of} makes a stand-in for any unit and roles (the seed has more units than demo users).
 */
public final class Actors {

    private final UserDetailsService users;

    public Actors(UserDetailsService users) {
        this.users = users;
    }

    public static DubanUserDetails of(String unitCode, Role... roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(java.util.List.of(roles));
        String name = unitCode.toLowerCase() + "." + roles[0].name().toLowerCase();
        return new DubanUserDetails(name, "", name, unitCode, unitCode, set, true);
    }

    public void as(String username, Runnable step) {
        as((DubanUserDetails) users.loadUserByUsername(username), () -> {
            step.run();
            return null;
        });
    }

    public <T> T as(String username, Supplier<T> step) {
        return as((DubanUserDetails) users.loadUserByUsername(username), step);
    }

    public static void as(DubanUserDetails user, Runnable step) {
        as(user, () -> {
            step.run();
            return null;
        });
    }

    public static <T> T as(DubanUserDetails user, Supplier<T> step) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return step.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
