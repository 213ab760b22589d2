package org.duban.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.stream.Collectors;
import org.duban.notify.NotificationService;
import org.duban.security.DubanUserDetails;
import org.duban.ui.notifications.NotificationBell;

/** Frame of every screen: who is signed in (name, unit, roles), the language switch, the menu and sign-out. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final transient AuthenticationContext authentication;
    private final transient NotificationService notifications;

    public MainLayout(AuthenticationContext authentication, NotificationService notifications) {
        this.authentication = authentication;
        this.notifications = notifications;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        addToDrawer(appName(), menu());
    }

    private Span appName() {
        Span name = new Span(getTranslation("app.name"));
        name.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600")
                .set("padding", "var(--lumo-space-m)");
        return name;
    }

    private HorizontalLayout header() {
        HorizontalLayout header = new HorizontalLayout();
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        Span spacer = new Span();
        header.add(spacer);
        header.setFlexGrow(1, spacer);
        authentication.getAuthenticatedUser(DubanUserDetails.class).ifPresent(user -> {
            header.add(new NotificationBell(notifications, user.getUsername()));
            Span who = new Span(user.getDisplayName() + " · " + user.getUnitName() + " · "
                    + user.getRoles().stream().map(r -> getTranslation("role." + r.name()))
                            .collect(Collectors.joining("、")));
            who.setId("current-user");
            header.add(who);
        });
        header.add(languageSwitch(), logout());
        return header;
    }

    private Select<Locale> languageSwitch() {
        Select<Locale> language = new Select<>();
        language.setId("language");
        language.setItems(DubanI18nProvider.CHINESE, DubanI18nProvider.ENGLISH);
        language.setItemLabelGenerator(l -> l.getLanguage().equals("en") ? "English" : "中文");
        language.setValue(getLocale().getLanguage().equals("en") ? DubanI18nProvider.ENGLISH
                : DubanI18nProvider.CHINESE);
        language.setWidth("7em");
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                UiLocale.switchTo(e.getValue());
            }
        });
        return language;
    }

    private Button logout() {
        Button logout = new Button(getTranslation("action.logout"), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return logout;
    }

    private SideNav menu() {
        SideNav nav = new SideNav();
        // @Menu titles are message keys, translated here
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(
                new SideNavItem(getTranslation(entry.title()), entry.path())));
        org.duban.ui.work.InboxNavBadge.attachTo(nav);
        return nav;
    }
}
