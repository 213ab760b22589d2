package org.duban.ui.notifications;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.shared.Registration;
import org.duban.notify.NotificationService;

/**
 * The bell in the header: the signed-in user's unread count, opening the notification centre. Counts again on every
 * navigation and whenever the centre marks something read.
 */
public class NotificationBell extends Button implements AfterNavigationObserver {

    private final transient NotificationService notifications;
    private final String username;
    private final Span badge = new Span();
    private Registration unreadChanged;

    public NotificationBell(NotificationService notifications, String username) {
        super(VaadinIcon.BELL.create());
        this.notifications = notifications;
        this.username = username;
        setId("notification-bell");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        styleBadge();
        setSuffixComponent(badge);
        addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
        refresh();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        unreadChanged = ComponentUtil.addListener(attachEvent.getUI(), UnreadCountChanged.class, e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unreadChanged != null) {
            unreadChanged.remove();
            unreadChanged = null;
        }
    }

    private void refresh() {
        long unread = notifications.unreadCount(username);
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        String label = getTranslation("notify.bell", unread);
        setAriaLabel(label);
        setTooltipText(label);
    }

    /** Lumo's badge styles are not in every bundle, so the pill is drawn with Lumo's colour and size variables. */
    private void styleBadge() {
        badge.setId("notification-unread");
        badge.getStyle().set("background", "var(--lumo-error-color)").set("color", "var(--lumo-error-contrast-color)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("font-size", "var(--lumo-font-size-xxs)")
                .set("font-weight", "600").set("line-height", "1").set("padding", "0.2em 0.5em")
                .set("min-width", "1em").set("text-align", "center");
    }
}
