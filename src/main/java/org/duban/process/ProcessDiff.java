package org.duban.process;

import java.util.List;

/** How two versions of one process differ, element by element (matched by id). */
public record ProcessDiff(String key, int fromVersion, int toVersion, List<Element> added, List<Element> removed,
        List<Change> changed) {

    /** A BPMN element: id, type (e.g. {@code userTask}) and name. */
    public record Element(String id, String type, String name) {
    }

    /** An element present in both versions whose type, name or key attributes differ; one line per difference. */
    public record Change(Element from, Element to, List<String> differences) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
