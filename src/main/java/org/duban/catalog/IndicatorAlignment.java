package org.duban.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.duban.catalog.parse.ParsedIndicator;

/**
 * Pairs a stored task's indicators with those of the same task in a new version of the document. Reports and work
 * plans point at stored indicators, so a pair decides what their figures will mean: an inserted target must not turn
 * every later one into a "change". Pairs are made in three passes, each in document order:
 * <ol>
 * <li>the same indicator (phrase, figure, unit, comparator): unchanged;</li>
 * <li>the same phrase apart from its figures, same unit and comparator: the target changed
 * ({@code 新增灌溉面积1500亩以上} → {@code 新增灌溉面积1600亩以上});</li>
 * <li>still unpaired at the same position with the same unit of measure: a reworded target.</li>
 * </ol>
 * What is left is removed (stored) or added (incoming).
 */
final class IndicatorAlignment {

    private static final Pattern FIGURE = Pattern.compile("[0-9０-９]+(?:[.．][0-9０-９]+)?");

    /**
     * One pair, or one side alone; positions count from 1 in the stored task's and the document's order.
     *
     * @param storedPosition   null for an indicator only the document has
     * @param incomingPosition null for an indicator only the stored task has
     */
    record Pair(Integer storedPosition, Indicator stored, Integer incomingPosition, ParsedIndicator incoming) {

        boolean added() {
            return stored == null;
        }

        boolean removed() {
            return incoming == null;
        }

        boolean changed() {
            return stored != null && incoming != null && !same(stored, incoming);
        }
    }

    private IndicatorAlignment() {
    }

    static List<Pair> align(List<Indicator> stored, List<ParsedIndicator> incoming) {
        Integer[] partnerOfStored = new Integer[stored.size()];
        boolean[] incomingTaken = new boolean[incoming.size()];
        pass(stored, incoming, partnerOfStored, incomingTaken, false, IndicatorAlignment::same);
        pass(stored, incoming, partnerOfStored, incomingTaken, false, IndicatorAlignment::sameShape);
        pass(stored, incoming, partnerOfStored, incomingTaken, true,
                (s, i) -> Objects.equals(Objects.toString(s.getMeasureUnit(), ""), i.unit()));

        List<Pair> pairs = new ArrayList<>();
        for (int s = 0; s < stored.size(); s++) {
            Integer i = partnerOfStored[s];
            pairs.add(new Pair(s + 1, stored.get(s), i == null ? null : i + 1, i == null ? null : incoming.get(i)));
        }
        for (int i = 0; i < incoming.size(); i++) {
            if (!incomingTaken[i]) {
                pairs.add(new Pair(null, null, i + 1, incoming.get(i)));
            }
        }
        return pairs;
    }

    private interface Match {
        boolean test(Indicator stored, ParsedIndicator incoming);
    }

    private static void pass(List<Indicator> stored, List<ParsedIndicator> incoming, Integer[] partnerOfStored,
            boolean[] incomingTaken, boolean samePositionOnly, Match match) {
        for (int s = 0; s < stored.size(); s++) {
            if (partnerOfStored[s] != null) {
                continue;
            }
            int from = samePositionOnly ? s : 0;
            int to = samePositionOnly ? Math.min(s + 1, incoming.size()) : incoming.size();
            for (int i = from; i < to; i++) {
                if (!incomingTaken[i] && match.test(stored.get(s), incoming.get(i))) {
                    partnerOfStored[s] = i;
                    incomingTaken[i] = true;
                    break;
                }
            }
        }
    }

    static boolean same(Indicator stored, ParsedIndicator incoming) {
        return stored.getPhrase().equals(incoming.text())
                && stored.getTargetValue().compareTo(incoming.value()) == 0
                && Objects.equals(Objects.toString(stored.getMeasureUnit(), ""), incoming.unit())
                && stored.getComparator() == incoming.comparator();
    }

    private static boolean sameShape(Indicator stored, ParsedIndicator incoming) {
        return shape(stored.getPhrase()).equals(shape(incoming.text()))
                && Objects.equals(Objects.toString(stored.getMeasureUnit(), ""), incoming.unit())
                && stored.getComparator() == incoming.comparator();
    }

    /** The phrase with its figures blanked: what stays when only a target value is revised. */
    static String shape(String phrase) {
        return FIGURE.matcher(phrase).replaceAll("#");
    }
}
