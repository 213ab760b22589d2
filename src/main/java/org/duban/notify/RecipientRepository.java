package org.duban.notify;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.duban.org.AppUser;
import org.duban.org.Role;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Read-only queries on users, shaped for choosing who hears about something: only those who can sign in. */
interface RecipientRepository extends Repository<AppUser, Long> {

    @Query("select u from AppUser u where u.username in :usernames and u.active = true and u.unit.active = true")
    List<AppUser> findActiveByUsernameIn(Collection<String> usernames);

    @Query("""
            select distinct u from AppUser u join u.roles r
            where r = :role and u.unit.code = :unitCode and u.active = true and u.unit.active = true""")
    List<AppUser> findActiveByUnitAndRole(String unitCode, Role role);

    @Query("""
            select distinct u from AppUser u join u.roles r
            where r = :role and u.active = true and u.unit.active = true""")
    List<AppUser> findActiveByRole(Role role);

    Optional<AppUser> findByUsername(String username);
}
