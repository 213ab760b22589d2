package org.duban.supervision;

/** A supervision step that cannot be taken as asked, with the reason for the user. */
public class SupervisionException extends RuntimeException {

    public SupervisionException(String message) {
        super(message);
    }
}
