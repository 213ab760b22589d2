package org.duban.ui.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.duban.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * How the review and task screens report outcomes: a short success note, or the service's refusal. Services write
 * refusals as "中文 / English"; the half in the user's language is shown.
 */
public final class ReviewNotices {

    private ReviewNotices() {
    }

    /** Runs one service call; a refusal becomes an error notification and {@code false}. */
    public static boolean attempt(Component view, Runnable serviceCall) {
        try {
            serviceCall.run();
            return true;
        } catch (OptimisticLockingFailureException e) {
            error(view.getTranslation("review.error.concurrent"));
            return false;
        } catch (AccessDeniedException | NotFoundException | IllegalArgumentException | IllegalStateException e) {
            error(inLanguageOf(view, e.getMessage()));
            return false;
        } catch (RuntimeException e) {
            if (e.getClass().getPackageName().startsWith("org.duban")) {
                error(inLanguageOf(view, e.getMessage()));
                return false;
            }
            throw e;
        }
    }

    /** The half of a bilingual service message in the view's language. */
    public static String inLanguageOf(Component view, String message) {
        if (message == null) {
            return view.getTranslation("review.error.unknown");
        }
        int slash = message.indexOf(" / ");
        if (slash < 0) {
            return message;
        }
        java.util.Locale locale = view.getUI().map(com.vaadin.flow.component.UI::getLocale)
                .orElseGet(() -> com.vaadin.flow.component.UI.getCurrent() == null ? null
                        : com.vaadin.flow.component.UI.getCurrent().getLocale());
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english ? message.substring(slash + 3) : message.substring(0, slash);
    }

    public static void success(String text) {
        Notification notification = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification notification = Notification.show(text, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** A translation, or {@code fallback} when the bundles have none (e.g. a form field an admin added). */
    public static String translationOr(Component view, String key, String fallback) {
        String text = view.getTranslation(key);
        return text.startsWith("!") ? fallback : text;
    }
}
