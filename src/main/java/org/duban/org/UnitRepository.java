package org.duban.org;

import java.util.List;
import java.util.Optional;
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
}
