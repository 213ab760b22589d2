package org.duban.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user on whose behalf the current request runs; services decide what they may see and do from it. */
@Component
public class CurrentUser {

    public Optional<DubanUserDetails> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DubanUserDetails user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public DubanUserDetails require() {
        return find().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    }

    /** User name for audit records; {@code system} for work the application does by itself (timers, start-up). */
    public String nameOrSystem() {
        return find().map(DubanUserDetails::getUsername).orElse("system");
    }
}
