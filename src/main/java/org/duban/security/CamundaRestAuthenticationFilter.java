package org.duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls {@code /engine-rest}, so its authorization checks and the user operation log see the
 * same user Spring Security authenticated with HTTP Basic.
 */
class CamundaRestAuthenticationFilter extends OncePerRequestFilter {

    private final ObjectProvider<IdentityService> identityService;
    private final CurrentUser currentUser;

    CamundaRestAuthenticationFilter(ObjectProvider<IdentityService> identityService, CurrentUser currentUser) {
        this.identityService = identityService;
        this.currentUser = currentUser;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = currentUser.find();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        identityService.getObject().setAuthentication(user.get().getUsername(), user.get().candidateGroups());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.getObject().clearAuthentication();
        }
    }
}
