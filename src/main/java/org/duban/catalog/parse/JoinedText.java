package org.duban.catalog.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines joined without separator (page breaks split words: 市 / 生态环境局 → 市生态环境局), remembering which line each
 * character came from so a warning about a name can point at the line where the name starts.
 */
final class JoinedText {

    private final StringBuilder text = new StringBuilder();
    private final List<Integer> starts = new ArrayList<>();
    private final List<SourceLine> sources = new ArrayList<>();

    JoinedText(List<SourceLine> lines) {
        for (SourceLine line : lines) {
            if (line.text().isEmpty()) {
                continue;
            }
            starts.add(text.length());
            sources.add(line);
            text.append(line.text());
        }
    }

    String text() {
        return text.toString();
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    /** The lines (or parts of lines) that make up text[start, end), each with its own location. */
    List<SourceLine> slice(int start, int end) {
        List<SourceLine> pieces = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            int lineStart = starts.get(i);
            int lineEnd = lineStart + sources.get(i).text().length();
            int from = Math.max(start, lineStart);
            int to = Math.min(end, lineEnd);
            if (from < to) {
                pieces.add(new SourceLine(text.substring(from, to), sources.get(i).location()));
            }
        }
        return pieces;
    }

    /** The location of the line holding the character at offset (the last line for offsets past the end). */
    String locationAt(int offset) {
        if (sources.isEmpty()) {
            return "";
        }
        int index = 0;
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i) <= offset) {
                index = i;
            } else {
                break;
            }
        }
        return sources.get(index).location();
    }
}
