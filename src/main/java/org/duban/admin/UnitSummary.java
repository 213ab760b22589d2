package org.duban.admin;

import java.util.List;
import org.duban.org.UnitType;

/** A unit as the admin screens show it, with its aliases and how many active users belong to it. */
public record UnitSummary(String code, String name, UnitType type, boolean registered, boolean active,
        boolean leaderSignoff, List<String> aliases, long activeUsers) {
}
