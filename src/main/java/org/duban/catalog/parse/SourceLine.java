package org.duban.catalog.parse;

/**
 * One line of input with where it came from, so warnings can point a person at it.
 *
 * @param text     the line, already {@linkplain TextNormalizer#normalizeLine normalised} (trimmed, ASCII digits)
 * @param location e.g. {@code 第27行} for text files, {@code 第12段} for .docx paragraphs, {@code 表1第3行} for table rows
 */
record SourceLine(String text, String location) {
}
