package org.duban.inbox;

/** Orders the engine can sort tasks by; ties are broken by task id so pages never overlap. */
public record InboxSort(Field field, boolean ascending) {

    public enum Field {
        DUE, CREATED, NAME
    }

    /** The default: what is due first on top, newest first among equal due dates. */
    public static InboxSort dueFirst() {
        return new InboxSort(Field.DUE, true);
    }

    /** Grid sort property names ({@code due}, {@code created}, {@code name}) to fields; unknown names give null. */
    public static Field fieldOf(String property) {
        return switch (property == null ? "" : property) {
            case "due" -> Field.DUE;
            case "created" -> Field.CREATED;
            case "name" -> Field.NAME;
            default -> null;
        };
    }
}
