package org.duban.org;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator on a database without demo users (postgres, oracle): created once, from
 * {@code DUBAN_ADMIN_PASSWORD}, when no active admin exists yet. Without the variable it only says how to do it.
 */
@Component
@Order(25)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final AppUserRepository users;
    private final UnitRepository units;
    private final PasswordEncoder passwordEncoder;
    private final String username;
    private final String password;

    InitialAdmin(AppUserRepository users, UnitRepository units, PasswordEncoder passwordEncoder,
            @Value("${duban.bootstrap.admin-username:admin}") String username,
            @Value("${DUBAN_ADMIN_PASSWORD:${duban.bootstrap.admin-password:}}") String password) {
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean hasAdmin = users.findAll().stream().anyMatch(u -> u.isActive() && u.hasRole(Role.ADMIN));
        if (hasAdmin) {
            return;
        }
        if (password == null || password.isBlank()) {
            log.warn("No administrator exists. Set DUBAN_ADMIN_PASSWORD (and optionally duban.bootstrap.admin-username)"
                    + " and restart to create one.");
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("DUBAN_ADMIN_PASSWORD must have at least 12 characters");
        }
        Unit office = units.findByCode("SZFBGS").or(() -> units.findAllByOrderBySortOrderAscIdAsc().stream()
                .findFirst()).orElseThrow(() -> new IllegalStateException("No unit to put the administrator in"));
        users.save(new AppUser(username, "系统管理员", passwordEncoder.encode(password), office,
                EnumSet.of(Role.ADMIN)));
        log.info("Initial administrator '{}' created in {}", username, office.getName());
    }
}
