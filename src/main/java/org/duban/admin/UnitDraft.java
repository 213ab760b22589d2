package org.duban.admin;

import org.duban.org.UnitType;

/** A new unit: ASCII code (capital letters, digits, {@code _} or {@code -}), unique canonical name, type. */
public record UnitDraft(String code, String name, UnitType type, boolean leaderSignoff) {
}
