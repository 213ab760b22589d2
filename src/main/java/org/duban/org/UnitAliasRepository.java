package org.duban.org;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Removes single aliases. {@link Unit} only adds aliases, so removal is a direct delete; the persistence context is
 * flushed before and cleared after, so nothing re-saves the removed alias and the next read sees the unit as stored.
 */
public interface UnitAliasRepository extends Repository<UnitAlias, Long> {

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from UnitAlias a where a.unit.id = :unitId and a.alias = :alias")
    int deleteAlias(Long unitId, String alias);
}
