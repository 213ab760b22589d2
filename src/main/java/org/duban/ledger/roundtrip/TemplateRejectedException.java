package org.duban.ledger.roundtrip;

/** The uploaded file as a whole is refused (wrong type, too large, macros, not our template, another unit's); nothing was read into any report. */
public class TemplateRejectedException extends RuntimeException {

    public TemplateRejectedException(String message) {
        super(message);
    }
}
