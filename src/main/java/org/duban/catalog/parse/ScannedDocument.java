package org.duban.catalog.parse;

import java.util.ArrayList;
import java.util.List;

/** The document cut into preamble, sections and tasks, before any task is interpreted. */
record ScannedDocument(List<SourceLine> preamble, List<Section> sections, List<String> warnings) {

    /** A section heading and the tasks under it; heading is null for the implicit section 0. */
    record Section(int number, String label, String title, SourceLine heading, List<Task> tasks) {
        Section(int number, String label, String title, SourceLine heading) {
            this(number, label, title, heading, new ArrayList<>());
        }
    }

    /** A numbered task: its number and its lines, the first one holding the text after the number. */
    record Task(int number, List<SourceLine> lines) {
        Task(int number, SourceLine first) {
            this(number, new ArrayList<>(List.of(first)));
        }

        SourceLine first() {
            return lines.get(0);
        }
    }

    int taskCount() {
        return sections.stream().mapToInt(s -> s.tasks().size()).sum();
    }
}
