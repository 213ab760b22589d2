package org.duban.catalog.parse;

/** What the lines before the first section say about the document: title, document number, year (each nullable). */
record PlanHeader(String title, String documentNumber, Integer year) {
}
