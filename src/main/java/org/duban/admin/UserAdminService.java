package org.duban.admin;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.duban.audit.AuditService;
import org.duban.org.AppUser;
import org.duban.org.AppUserRepository;
import org.duban.org.Role;
import org.duban.org.Unit;
import org.duban.org.UnitRepository;
import org.duban.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users as admins manage them. Users are never deleted (the audit trail and reports name them): they are deactivated,
 * which stops them signing in. An admin can neither deactivate themselves nor drop their own ADMIN role, so there is
 * always someone left who can administer.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional
public class UserAdminService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,60}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Grid columns that may be sorted on, as entity paths. */
    private static final Set<String> SORTABLE = Set.of("username", "displayName", "unit.name", "active");

    private final AppUserRepository users;
    private final UnitRepository units;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final CurrentUser currentUser;

    public UserAdminService(AppUserRepository users, UnitRepository units, PasswordEncoder passwordEncoder,
            AuditService audit, CurrentUser currentUser) {
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** One page of the users matching the filter; sorted by user name unless the page asks for a sortable column. */
    @Transactional(readOnly = true)
    public Page<UserSummary> users(UserFilter filter, Pageable page) {
        return users.findAll(matching(filter), sortable(page)).map(UserAdminService::summary);
    }

    @Transactional(readOnly = true)
    public long countUsers(UserFilter filter) {
        return users.count(matching(filter));
    }

    @Transactional(readOnly = true)
    public UserSummary user(String username) {
        return summary(find(username));
    }

    public CreatedUser create(NewUser draft) {
        String username = Inputs.required("username", draft.username(), 60);
        if (!USERNAME.matcher(username).matches()) {
            throw new AdminValidationException("username", "usernamePattern", "“" + username
                    + "” is not a valid user name: use 3–60 lower-case letters a–z, digits, '.', '_' or '-'",
                    username);
        }
        if (users.existsByUsername(username)) {
            throw new AdminValidationException("username", "usernameTaken",
                    "“" + username + "” is already taken", username);
        }
        String displayName = Inputs.required("displayName", draft.displayName(), 100);
        Unit unit = activeUnit(draft.unitCode());
        Set<Role> roles = checkedRoles(draft.roles());
        String email = checkedEmail(draft.email());
        boolean generate = draft.initialPassword() == null || draft.initialPassword().isEmpty();
        String password = generate ? Passwords.generate() : Passwords.checked("password", draft.initialPassword());

        AppUser user = new AppUser(username, displayName, passwordEncoder.encode(password), unit, roles);
        user.setEmail(email);
        users.save(user);
        record(AdminActions.USER_CREATED, user, "User " + username + " created in " + unit, null, state(user));
        return new CreatedUser(summary(user), generate ? password : null);
    }

    public UserSummary update(String username, UserChange change) {
        AppUser user = find(username);
        String displayName = Inputs.required("displayName", change.displayName(), 100);
        Unit unit = change.unitCode() != null && change.unitCode().equals(user.getUnit().getCode()) ? user.getUnit()
                : activeUnit(change.unitCode());
        Set<Role> roles = checkedRoles(change.roles());
        if (isSelf(user) && user.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            throw new AdminValidationException("roles", "ownAdminRole",
                    "you cannot remove your own ADMIN role; another admin can");
        }
        String email = checkedEmail(change.email());
        Map<String, Object> before = state(user);
        user.setDisplayName(displayName);
        user.setUnit(unit);
        user.setRoles(roles);
        user.setEmail(email);
        Map<String, Object> after = state(user);
        if (!after.equals(before)) {
            record(AdminActions.USER_CHANGED, user, "User " + username + " changed", before, after);
        }
        return summary(user);
    }

    /** Stops the user signing in (and drops them from Camunda's identity view); their history stays. */
    public UserSummary deactivate(String username) {
        AppUser user = find(username);
        if (isSelf(user)) {
            throw new AdminValidationException("username", "selfDeactivate",
                    "you cannot deactivate yourself; another admin can");
        }
        if (!user.isActive()) {
            return summary(user);
        }
        Map<String, Object> before = state(user);
        user.setActive(false);
        record(AdminActions.USER_DEACTIVATED, user, "User " + username + " deactivated", before, state(user));
        return summary(user);
    }

    public UserSummary reactivate(String username) {
        AppUser user = find(username);
        if (user.isActive()) {
            return summary(user);
        }
        Map<String, Object> before = state(user);
        user.setActive(true);
        record(AdminActions.USER_REACTIVATED, user, "User " + username + " reactivated", before, state(user));
        return summary(user);
    }

    /** Sets a new generated password and returns it, to be shown to the admin once. */
    public String resetPassword(String username) {
        String password = Passwords.generate();
        changePassword(find(username), password, "generated");
        return password;
    }

    /** Sets the password the admin chose. */
    public void setPassword(String username, String password) {
        changePassword(find(username), Passwords.checked("password", password), "set by the admin");
    }

    private void changePassword(AppUser user, String password, String how) {
        user.setPasswordHash(passwordEncoder.encode(password));
        // the trail says that and when, never what: no password or hash in before/after
        record(AdminActions.PASSWORD_RESET, user, "Password of " + user.getUsername() + " reset (" + how + ")", null,
                null);
    }

    private boolean isSelf(AppUser user) {
        return user.getUsername().equals(currentUser.require().getUsername());
    }

    private Unit activeUnit(String code) {
        if (code == null || code.isBlank()) {
            throw new AdminValidationException("unit", "required", "is required");
        }
        Unit unit = units.findByCode(code.strip()).orElseThrow(() -> new AdminValidationException("unit",
                "unitNotFound", "no unit has the code “" + code + "”", code));
        if (!unit.isActive()) {
            throw new AdminValidationException("unit", "unitInactive",
                    unit.getName() + " is deactivated; reactivate it first or choose another unit", unit.getName());
        }
        return unit;
    }

    private static Set<Role> checkedRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new AdminValidationException("roles", "rolesRequired", "choose at least one role");
        }
        return EnumSet.copyOf(roles);
    }

    private static String checkedEmail(String email) {
        String value = Inputs.optional("email", email, 200);
        if (value != null && !EMAIL.matcher(value).matches()) {
            throw new AdminValidationException("email", "emailPattern",
                    "“" + value + "” is not an e-mail address", value);
        }
        return value;
    }

    private AppUser find(String username) {
        return users.findByUsername(username == null ? "" : username.strip()).orElseThrow(
                () -> new AdminValidationException("username", "userNotFound", "no user “" + username + "”",
                        String.valueOf(username)));
    }

    private static Specification<AppUser> matching(UserFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.text() != null && !filter.text().isBlank()) {
                String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("username")), like, '\\'),
                        cb.like(cb.lower(root.get("displayName")), like, '\\')));
            }
            if (filter.unitCode() != null && !filter.unitCode().isBlank()) {
                where.add(cb.equal(root.get("unit").get("code"), filter.unitCode()));
            }
            if (filter.role() != null) {
                where.add(cb.isMember(filter.role(), root.get("roles")));
            }
            if (filter.active() != null) {
                where.add(cb.equal(root.get("active"), filter.active()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static Pageable sortable(Pageable page) {
        List<Sort.Order> orders = page.getSort().stream().filter(o -> SORTABLE.contains(o.getProperty())).toList();
        Sort sort = (orders.isEmpty() ? Sort.unsorted() : Sort.by(orders)).and(Sort.by("username"));
        return page.isPaged() ? PageRequest.of(page.getPageNumber(), page.getPageSize(), sort) : Pageable.unpaged(sort);
    }

    private void record(String action, AppUser user, String summary, Map<String, Object> before,
            Map<String, Object> after) {
        audit.record(currentUser.nameOrSystem(), action, AdminActions.USER, user.getUsername(), summary,
                AuditStates.json(before), AuditStates.json(after));
    }

    private static UserSummary summary(AppUser user) {
        return new UserSummary(user.getUsername(), user.getDisplayName(), user.getUnit().getCode(),
                user.getUnit().getName(), Set.copyOf(user.getRoles()), user.getEmail(), user.isActive());
    }

    private static Map<String, Object> state(AppUser user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", user.getUsername());
        state.put("displayName", user.getDisplayName());
        state.put("unit", user.getUnit().getCode());
        state.put("roles", user.getRoles().stream().map(Role::name).sorted().toList());
        state.put("email", user.getEmail());
        state.put("active", user.isActive());
        return state;
    }
}
