package org.duban.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.duban.admin.AdminValidationException;
import org.springframework.dao.OptimisticLockingFailureException;

/** How the admin screens report outcomes: a short success note, or the service's refusal in the user's language. */
final class AdminNotifications {

    private AdminNotifications() {
    }

    /**
     * Runs one service call; a refusal becomes an error notification naming the field and the rule, and {@code false}
     * is returned so the caller leaves the form as it is.
     */
    static boolean attempt(Component view, Runnable serviceCall) {
        try {
            serviceCall.run();
            return true;
        } catch (AdminValidationException e) {
            error(message(view, e));
            return false;
        } catch (OptimisticLockingFailureException e) {
            error(view.getTranslation("admin.error.concurrentChange"));
            return false;
        }
    }

    /** "Field: why", translated; the service's English message when no translation exists for the rule. */
    static String message(Component view, AdminValidationException e) {
        String why = view.getTranslation("admin.error." + e.getCode(), e.getArgs().toArray());
        if (why.startsWith("!")) {
            return e.getMessage();
        }
        String field = view.getTranslation("admin.field." + e.getField());
        return field.startsWith("!") ? why : view.getTranslation("admin.error.format", field, why);
    }

    static void success(String text) {
        Notification notification = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String text) {
        Notification notification = Notification.show(text, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
