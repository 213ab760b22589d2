package org.duban.catalog.parse;

/** Character-level clean-up shared by the reader and the task assembler. */
final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * Trims a raw line (including ideographic and no-break spaces and a stray BOM) and turns full-width digits and
     * the full-width percent sign into ASCII, so {@code １．} numbers and {@code ８０％} targets read like the rest.
     */
    static String normalizeLine(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '０' && c <= '９') {
                sb.append((char) ('0' + (c - '０')));
            } else if (c == '％') {
                sb.append('%');
            } else if (c == '\uFEFF' || c == '\u200B') {
                // BOM or zero-width space left inside the text by editors
                continue;
            } else {
                sb.append(c);
            }
        }
        return strip(sb.toString());
    }

    /**
     * Whitespace rule for task text: runs of whitespace become one space, and whitespace next to a CJK character or
     * CJK/full-width punctuation disappears ({@code 建设 2 家左右} → {@code 建设2家左右}), because Chinese does not space
     * words and the spaces in these documents are typesetting residue. Spaces between Latin words survive.
     */
    static String normalizeText(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                sb.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < n && isSpace(text.charAt(j))) {
                j++;
            }
            boolean atEdge = sb.length() == 0 || j == n;
            boolean nextToWide = (sb.length() > 0 && isWide(sb.charAt(sb.length() - 1)))
                    || (j < n && isWide(text.charAt(j)));
            if (!atEdge && !nextToWide) {
                sb.append(' ');
            }
            i = j;
        }
        return sb.toString();
    }

    /** Removes every kind of whitespace, for comparing names. */
    static String removeSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /** CJK ideographs, CJK and full-width punctuation, and the curly quotes / dashes Chinese text uses. */
    static boolean isWide(char c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return isCjkIdeograph(c)
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION
                || c == '·';
    }

    static boolean isCjkIdeograph(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
