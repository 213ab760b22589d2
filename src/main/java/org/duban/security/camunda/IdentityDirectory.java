package org.duban.security.camunda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.duban.org.AppUser;
import org.duban.org.AppUserRepository;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.duban.org.Unit;
import org.duban.org.UnitRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Duban's users, units and roles as Camunda sees them: users by user name, and the groups of
 * {@link CandidateGroups} (one per role, one per unit and role). Read from our tables on every query, so there is no
 * second copy of identities to keep in sync.
 */
@Component
public class IdentityDirectory {

    static final String TYPE_ROLE = "ROLE";
    static final String TYPE_UNIT_ROLE = "UNIT_ROLE";

    private final AppUserRepository users;
    private final UnitRepository units;
    private final PasswordEncoder passwordEncoder;

    public IdentityDirectory(AppUserRepository users, UnitRepository units, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
    }

    record Member(User user, List<String> groupIds) {
    }

    List<Member> members() {
        return users.findAll().stream().filter(AppUser::isActive).map(this::member).toList();
    }

    Optional<Member> member(String username) {
        return users.findByUsername(username).filter(AppUser::isActive).map(this::member);
    }

    private Member member(AppUser user) {
        UserEntity entity = new UserEntity(user.getUsername());
        entity.setFirstName(user.getDisplayName());
        entity.setLastName(user.getUnit().getName());
        entity.setEmail(user.getEmail());
        return new Member(entity, CandidateGroups.forUser(user.getUnit().getCode(), user.getRoles()));
    }

    /** Every group a candidate-group expression may name: each role, and each role within each active unit. */
    List<Group> groups() {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            groups.put(CandidateGroups.of(role), group(CandidateGroups.of(role), role.name(), TYPE_ROLE));
        }
        for (Unit unit : units.findAllByOrderBySortOrderAscIdAsc()) {
            if (!unit.isActive()) {
                continue;
            }
            for (Role role : List.of(Role.CLERK, Role.UNIT_LEADER, Role.REVIEWER)) {
                String id = CandidateGroups.of(unit.getCode(), role);
                groups.put(id, group(id, unit.getName() + " " + role.name(), TYPE_UNIT_ROLE));
            }
        }
        return new ArrayList<>(groups.values());
    }

    boolean checkPassword(String username, String password) {
        return password != null && users.findByUsername(username).filter(AppUser::isActive)
                .map(u -> passwordEncoder.matches(password, u.getPasswordHash())).orElse(false);
    }

    private static Group group(String id, String name, String type) {
        GroupEntity group = new GroupEntity(id);
        group.setName(name);
        group.setType(type);
        return group;
    }
}
