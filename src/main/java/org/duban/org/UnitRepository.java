package org.duban.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UnitRepository extends JpaRepository<Unit, Long> {

    Optional<Unit> findByCode(String code);

    Optional<Unit> findByName(String name);

    @Query("select a.unit from UnitAlias a where a.alias = :alias")
    Optional<Unit> findByAlias(String alias);

    List<Unit> findAllByOrderBySortOrderAscIdAsc();

    @Query("select coalesce(max(u.sortOrder), 0) from Unit u")
    int maxSortOrder();

    /** Every unit with its aliases loaded, in registry order: for checks that compare a name with all others. */
    @EntityGraph(attributePaths = "aliases")
    @Query("select distinct u from Unit u order by u.sortOrder, u.id")
    List<Unit> findAllWithAliases();
}
