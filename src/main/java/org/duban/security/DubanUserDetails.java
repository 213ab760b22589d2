package org.duban.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.duban.org.AppUser;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user as Spring Security keeps it: name, unit and roles, never an entity. */
public final class DubanUserDetails implements UserDetails, CredentialsContainer {

    private final String username;
    private String password;
    private final String displayName;
    private final String unitCode;
    private final String unitName;
    private final Set<Role> roles;
    private final boolean active;

    public DubanUserDetails(String username, String password, String displayName, String unitCode, String unitName,
            Set<Role> roles, boolean active) {
        this.username = username;
        this.password = password;
        this.displayName = displayName;
        this.unitCode = unitCode;
        this.unitName = unitName;
        this.roles = Set.copyOf(roles);
        this.active = active;
    }

    static DubanUserDetails of(AppUser user) {
        return new DubanUserDetails(user.getUsername(), user.getPasswordHash(), user.getDisplayName(),
                user.getUnit().getCode(), user.getUnit().getName(), user.getRoles(),
                user.isActive() && user.getUnit().isActive());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The Camunda groups of this user (see {@link CandidateGroups}). */
    public List<String> candidateGroups() {
        return CandidateGroups.forUser(unitCode, roles);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getUnitName() {
        return unitName;
    }

    public Set<Role> getRoles() {
        return roles;
    }
}
