package org.duban.catalog.parse;

/**
 * The input cannot be read as a key-task document at all (empty, binary, not a valid .docx, no numbered tasks). The
 * message names the file and the reason in words a user can act on; it never carries a stack trace. Problems inside a
 * readable document are not exceptions but {@link ParsedPlan#warnings() warnings}.
 */
public class CatalogParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public CatalogParseException(String message) {
        super(message);
    }

    public CatalogParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
