package org.duban.catalog.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The units a task's clause names, collected in document order without duplicates. A unit named both as lead and as
 * participant stays a lead only.
 */
final class UnitAssignment {

    /** A name the registry does not know, kept as written (cleaned) so nothing is lost, with where it stood. */
    record UnknownName(String name, String location) {
    }

    private final Set<String> leads = new LinkedHashSet<>();
    private final Set<String> participants = new LinkedHashSet<>();
    private final Set<String> unresolved = new LinkedHashSet<>();
    private final List<UnknownName> unknown = new ArrayList<>();
    private boolean labelled;

    void addLead(String name) {
        leads.add(name);
    }

    void addParticipant(String name) {
        participants.add(name);
    }

    void addUnresolved(String token) {
        unresolved.add(token);
    }

    void addUnknown(String name, String location) {
        if (unknown.stream().noneMatch(u -> u.name().equals(name))) {
            unknown.add(new UnknownName(name, location));
        }
    }

    /** Records that a unit label (牵头单位：…) was seen at all. */
    void markLabelled() {
        labelled = true;
    }

    boolean isLabelled() {
        return labelled;
    }

    List<String> leads() {
        return List.copyOf(leads);
    }

    List<String> participants() {
        return participants.stream().filter(p -> !leads.contains(p)).toList();
    }

    List<String> unresolved() {
        return List.copyOf(unresolved);
    }

    List<UnknownName> unknown() {
        return List.copyOf(unknown);
    }
}
