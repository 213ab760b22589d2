package org.duban.org;

/** A registered unit as seen by code that only needs its identity: ASCII code, canonical name, type. */
public record UnitRef(String code, String name, UnitType type) {
}
