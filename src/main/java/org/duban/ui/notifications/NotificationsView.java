package org.duban.ui.notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.duban.notify.EmailPreference;
import org.duban.notify.Notification;
import org.duban.notify.NotificationService;
import org.duban.security.CurrentUser;

/**
 * 通知中心: the signed-in user's notifications, newest first, read a page at a time. Opening one marks it read and
 * goes to what it is about; the user also chooses here whether notifications reach them by e-mail.
 */
@Route("notifications")
@Menu(order = 90, title = "notify.menu")
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient NotificationService notifications;
    private final String username;
    private final Grid<Notification> grid = new Grid<>();

    public NotificationsView(NotificationService notifications, CurrentUser currentUser) {
        this.notifications = notifications;
        this.username = currentUser.require().getUsername();
        setSizeFull();
        configureGrid();
        add(new H2(getTranslation("notify.title")), toolbar(), grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.setId("notifications");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(n -> TIME.format(n.getCreatedAt())).setHeader(getTranslation("notify.column.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> getTranslation("notify.kind." + n.getKind().name()))
                .setHeader(getTranslation("notify.column.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<Notification>of("<span style=\"font-weight: ${item.weight}\">${item.title}</span>")
                .withProperty("title", Notification::getTitle)
                .withProperty("weight", n -> n.isRead() ? "normal" : "600"))
                .setHeader(getTranslation("notify.column.title")).setFlexGrow(1)
                .setTooltipGenerator(Notification::getTitle);
        grid.addColumn(Notification::getBody).setHeader(getTranslation("notify.column.body")).setFlexGrow(2)
                .setTooltipGenerator(Notification::getBody);
        grid.addColumn(n -> getTranslation(n.isRead() ? "notify.state.read" : "notify.state.unread"))
                .setHeader(getTranslation("notify.column.state")).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("notify.empty"));
        // lazy: the database hands over one page at a time, however many notifications a user has
        grid.setItems(query -> notifications.list(username, VaadinSpringDataHelpers.toSpringPageRequest(query))
                .stream(), query -> (int) notifications.count(username));
        grid.addItemClickListener(e -> open(e.getItem()));
    }

    private HorizontalLayout toolbar() {
        Button markAllRead = new Button(getTranslation("notify.markAllRead"), e -> markAllRead());
        markAllRead.setId("mark-all-read");
        HorizontalLayout toolbar = new HorizontalLayout(markAllRead, emailOptOut());
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    private Checkbox emailOptOut() {
        EmailPreference preference = notifications.emailPreference(username);
        Checkbox optOut = new Checkbox(getTranslation("notify.emailOptOut"), preference.optOut());
        optOut.setId("email-opt-out");
        optOut.setHelperText(preference.hasEmail() ? getTranslation("notify.emailOptOut.address", preference.email())
                : getTranslation("notify.emailOptOut.noAddress"));
        optOut.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                notifications.setEmailOptOut(username, e.getValue());
                com.vaadin.flow.component.notification.Notification.show(getTranslation("notify.emailOptOut.saved"));
            }
        });
        return optOut;
    }

    private void open(Notification notification) {
        if (!notification.isRead()) {
            notifications.markRead(notification.getId(), username);
            grid.getDataProvider().refreshAll();
            getUI().ifPresent(UnreadCountChanged::fireOn);
        }
        if (notification.getLink() != null && !notification.getLink().isBlank()) {
            getUI().ifPresent(ui -> ui.navigate(notification.getLink()));
        }
    }

    private void markAllRead() {
        notifications.markAllRead(username);
        grid.getDataProvider().refreshAll();
        getUI().ifPresent(UnreadCountChanged::fireOn);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notify.title") + " · " + getTranslation("app.name");
    }
}
