package org.duban.admin;

import org.duban.org.UnitType;

/** What an admin may change on a unit: name, type and whether its leader signs off reports. The code stays. */
public record UnitChange(String name, UnitType type, boolean leaderSignoff) {
}
