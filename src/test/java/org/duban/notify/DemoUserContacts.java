package org.duban.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.duban.org.AppUser;
import org.duban.org.AppUserRepository;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Gives demo users the contact details a test needs, and puts back what they had afterwards: the in-memory database
 * outlives the test class, and the next class expects the demo users as DemoUsers made them.
 */
final class DemoUserContacts {

    private record Contact(String email, boolean optOut, String mobile) {
    }

    private final AppUserRepository users;
    private final Map<String, Contact> originals = new LinkedHashMap<>();

    DemoUserContacts(AppUserRepository users) {
        this.users = users;
    }

    void set(String username, String email, boolean optOut, String mobile) {
        AppUser user = users.findByUsername(username).orElseThrow();
        originals.putIfAbsent(username, new Contact(user.getEmail(), user.isEmailOptOut(), user.getMobile()));
        write(user, new Contact(email, optOut, mobile));
    }

    void restore() {
        originals.forEach((username, contact) -> write(users.findByUsername(username).orElseThrow(), contact));
        originals.clear();
    }

    private void write(AppUser user, Contact contact) {
        user.setEmail(contact.email());
        user.setEmailOptOut(contact.optOut());
        user.setMobile(contact.mobile());
        users.save(user);
    }

    /** Runs as the signed-in user, as the notification centre does. */
    static <T> T as(String username, Supplier<T> action) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(username, null, "ROLE_CLERK"));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }
}
