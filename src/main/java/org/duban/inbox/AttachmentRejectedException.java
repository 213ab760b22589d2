package org.duban.inbox;

/** An upload refused by the attachment rules; {@link #reason()} and {@link #detail()} let the UI say why. */
public class AttachmentRejectedException extends RuntimeException {

    public enum Reason {
        EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, TOO_MANY, NOT_EDITABLE
    }

    private final Reason reason;
    private final String detail;

    public AttachmentRejectedException(Reason reason, String detail, String message) {
        super(message);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
