package org.duban.catalog.parse;

import java.util.List;
import java.util.Objects;

/**
 * One numbered key task.
 *
 * @param number             the number printed in the document
 * @param title              the task text up to (excluding) the first 。
 * @param text               the whole task statement without its number and without the unit clause
 * @param leadUnits          lead units in document order; the first is the primary lead (主牵头单位)
 * @param participatingUnits participating units (参与/责任/配合单位), none of them also a lead
 * @param unresolved         group names a person must turn into units, e.g. {@code 有关县区政府}
 * @param indicators         quantitative targets found in the text
 */
public record ParsedTask(int number, String title, String text, List<String> leadUnits,
        List<String> participatingUnits, List<String> unresolved, List<ParsedIndicator> indicators) {

    public ParsedTask {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        leadUnits = List.copyOf(leadUnits);
        participatingUnits = List.copyOf(participatingUnits);
        unresolved = List.copyOf(unresolved);
        indicators = List.copyOf(indicators);
    }
}
