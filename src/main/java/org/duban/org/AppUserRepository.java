package org.duban.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long>, JpaSpecificationExecutor<AppUser> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Active users per unit code, as {@code [code, count]} rows; units without active users are absent. */
    @Query("select u.unit.code, count(u) from AppUser u where u.active = true group by u.unit.code")
    List<Object[]> countActiveByUnitCode();
}
