package org.duban.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Single sign-on for Cockpit and Admin: Camunda's webapps trust the user Spring Security has already authenticated
 * (an admin, by the {@code /camunda/**} filter chain), with that user's Camunda groups.
 */
public class CamundaWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof DubanUserDetails user)) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = new AuthenticationResult(user.getUsername(), true);
        result.setGroups(user.candidateGroups());
        return result;
    }
}
