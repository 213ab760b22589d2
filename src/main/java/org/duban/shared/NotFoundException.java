package org.duban.shared;

/** A requested business object does not exist (or is not visible to the caller). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
