package org.duban.inbox;

/** One entry of an inbox filter list (a plan, a section, a cycle). */
public record FilterChoice(Long id, String label) {
}
