package org.duban.notify;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.duban.org.AppUser;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns user names and Camunda candidate groups ({@link CandidateGroups}: {@code SUPERVISOR}, {@code CAOXIAN.CLERK})
 * into the active users behind them. Unknown names and groups reach nobody and are logged: a notification must never
 * stop the step that sends it.
 */
@Component
class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);
    static final String SYSTEM_ACTOR_NAME = "督办系统";

    private final RecipientRepository users;

    Recipients(RecipientRepository users) {
        this.users = users;
    }

    List<AppUser> byUsernames(Collection<String> usernames) {
        List<String> distinct = usernames.stream().filter(n -> n != null && !n.isBlank()).distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        List<AppUser> found = users.findActiveByUsernameIn(distinct);
        if (found.size() < distinct.size()) {
            log.warn("Not notified (unknown or inactive): {}", distinct.stream()
                    .filter(n -> found.stream().noneMatch(u -> u.getUsername().equals(n))).toList());
        }
        return sorted(found);
    }

    List<AppUser> ofGroup(String candidateGroup) {
        int dot = candidateGroup == null ? -1 : candidateGroup.lastIndexOf('.');
        Optional<Role> role = role(dot < 0 ? candidateGroup : candidateGroup.substring(dot + 1));
        if (role.isEmpty()) {
            log.warn("Not notified: {} is not a candidate group", candidateGroup);
            return List.of();
        }
        List<AppUser> members = dot < 0 ? users.findActiveByRole(role.get())
                : users.findActiveByUnitAndRole(candidateGroup.substring(0, dot), role.get());
        if (members.isEmpty()) {
            log.warn("Not notified: candidate group {} has no active members", candidateGroup);
        }
        return sorted(members);
    }

    /** The actor as people know them: display name for a user name, the system's name for timers. */
    String actorName(String actor) {
        if (actor == null || actor.isBlank() || "system".equals(actor)) {
            return SYSTEM_ACTOR_NAME;
        }
        return users.findByUsername(actor).map(AppUser::getDisplayName).orElse(actor);
    }

    private static Optional<Role> role(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static List<AppUser> sorted(List<AppUser> found) {
        return found.stream().sorted(Comparator.comparing(AppUser::getUsername)).toList();
    }
}
