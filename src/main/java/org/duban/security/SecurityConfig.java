package org.duban.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.duban.org.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three filter chains, most specific first: the engine's REST API (HTTP Basic, admins, stateless), Camunda's webapps
 * (admins, signed in through our own login), and the Vaadin UI (form login). See STACK.md for why each piece is here.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfig {

    private static final String ADMIN = Role.ADMIN.name();

    /**
     * Vaadin 24's production bundle and Lumo need inline and eval'd scripts and inline styles; everything else comes
     * from this origin only (bpmn-js and ECharts are served from the jar). Only same-origin frames (Cockpit embeds
     * nothing from elsewhere), no plugins, forms post here only. See docs/security.md.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "frame-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, with the {id} prefix so the algorithm can change later without resetting passwords
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** {@code /engine-rest}: what Camunda Modeler deploys through. A real 401 makes Modeler ask for credentials. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http, ObjectProvider<IdentityService> identityService,
            CurrentUser currentUser) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Duban engine REST");
        basic.afterPropertiesSet();
        http.securityMatcher(withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth
                        // a 401 re-dispatched to /error must stay a 401, not become a redirect to /login
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().hasRole(ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .exceptionHandling(e -> e.authenticationEntryPoint(basic))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .addFilterAfter(new CamundaRestAuthenticationFilter(identityService, currentUser),
                        AuthorizationFilter.class);
        return http.build();
    }

    /**
     * {@code /camunda}: Cockpit and Admin, for admins only. Pages send anonymous users to our login page; the webapps'
     * own API answers 401. Camunda's webapps carry their own CSRF filter, so Spring's is off here.
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappChain(HttpSecurity http) throws Exception {
        http.securityMatcher(withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().hasRole(ADMIN))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                withDefaults().matcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    /** Everything else: the Vaadin UI with our login view. */
    @Bean
    @Order(3)
    SecurityFilterChain vaadinChain(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(withDefaults().matcher("/actuator/health/**")).permitAll()
                // scraped by Prometheus inside the data centre; the reverse proxy does not expose /actuator
                .requestMatchers(withDefaults().matcher("/actuator/prometheus")).permitAll()
                .requestMatchers(withDefaults().matcher("/images/**")).permitAll());
        http.headers(h -> h
                .frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
        // a new session id at login (a planted id is worth nothing); idle timeout: server.servlet.session.timeout
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        // Vaadin's configurer would exempt POST /login from CSRF (login CSRF: a victim signed in as the attacker).
        // Its login form sends the token from the page's _csrf meta tags, so only Vaadin's own requests are exempt:
        // those carry Vaadin's per-UI security key instead.
        http.csrf(c -> c.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // a login form left open past the session timeout has a stale token: show a fresh login page, not a 403
        http.exceptionHandling(e -> e.defaultAccessDeniedHandlerFor(
                (request, response, denied) -> response.sendRedirect(request.getContextPath() + "/login?error"),
                withDefaults().matcher(HttpMethod.POST, "/login")));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login")
                .enableCsrfConfiguration(false));
        return http.build();
    }

    /**
     * Runs Spring Security's firewall before anything else looks at the path. Without it, a non-normalised path that
     * Tomcat maps to the Jersey servlet ({@code /VAADIN/../engine-rest/...}, {@code //engine-rest/...},
     * {@code /engine-rest;x=y/...}) makes the path matcher fail with an exception and a 500; now it is a plain 400.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> rejectAbnormalPaths() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                try {
                    firewall.getFirewalledRequest(request);
                } catch (RequestRejectedException e) {
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    return;
                }
                if (encodesPlainCharacters(request.getRequestURI())) {
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * {@code /%65ngine-rest}: a letter, digit or {@code -._~} written as %XX. No client needs that (they stand for
     * themselves in a path), and it only serves to make the servlet container and a path matcher see different paths.
     * Percent-encoded UTF-8 (Chinese route parameters) is untouched.
     */
    static boolean encodesPlainCharacters(String rawPath) {
        for (int i = rawPath.indexOf('%'); i >= 0 && i + 2 < rawPath.length(); i = rawPath.indexOf('%', i + 1)) {
            int value = Character.digit(rawPath.charAt(i + 1), 16) * 16 + Character.digit(rawPath.charAt(i + 2), 16);
            if (value >= 0 && value < 0x80 && (Character.isLetterOrDigit(value) || "-._~".indexOf(value) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request the firewall rejects (encoded dots or slashes, {@code ;} path parameters, {@code //}, traversal) gets
     * a plain 400 instead of an exception that ends as a 500 on the error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
    }

    /** Lets Cockpit and Admin trust the Spring Security login instead of showing their own. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(
                Map.of("authentication-provider", CamundaWebappAuthenticationProvider.class.getName()));
        // after Spring Security's filter chain (order -100), so the authenticated user is known
        registration.setOrder(101);
        registration.addUrlPatterns("/camunda/*");
        return registration;
    }
}
