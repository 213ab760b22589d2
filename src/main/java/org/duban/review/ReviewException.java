package org.duban.review;

/** A review action that cannot be taken as asked, with the reason for the user. */
public class ReviewException extends RuntimeException {

    public ReviewException(String message) {
        super(message);
    }
}
