package org.duban.notify;

/** A user's e-mail address on file (null if none) and whether they opted out of notification mail. */
public record EmailPreference(String email, boolean optOut) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
