package org.duban.org;

import java.util.List;
import java.util.Optional;

/**
 * Looks up units by name. Implementations match canonical names and aliases (including OCR variants), so callers never
 * compare unit names as raw strings.
 */
public interface UnitDirectory {

    /** The registered unit whose canonical name or alias equals the given name (after trimming), if any. */
    Optional<UnitRef> resolve(String name);

    /** Every active unit of the given types, in registry order. */
    List<UnitRef> ofTypes(UnitType... types);
}
