package org.duban.ui.work;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.shared.Registration;
import org.duban.inbox.InboxCounts;
import org.duban.inbox.InboxService;

/**
 * The inbox's counts beside its menu entry: all items, and in red how many are overdue; the tooltip adds due-soon and
 * returned. Counts again after every navigation and whenever the inbox changes.
 */
public class InboxNavBadge extends Span implements AfterNavigationObserver {

    private final transient InboxService inbox;
    private final Span total = new Span();
    private final Span overdue = new Span();
    private Registration changed;

    InboxNavBadge(InboxService inbox) {
        this.inbox = inbox;
        setId("inbox-nav-counts");
        total.setId("inbox-nav-total");
        overdue.setId("inbox-nav-overdue");
        style(total, "var(--lumo-contrast-60pct)", "var(--lumo-base-color)");
        style(overdue, "var(--lumo-error-color)", "var(--lumo-error-contrast-color)");
        add(total, overdue);
        refresh();
    }

    /** Puts the counts on the menu's inbox entry, if the menu has one. */
    public static void attachTo(SideNav nav) {
        InboxService service = VaadinService.getCurrent().getInstantiator().getOrCreate(InboxService.class);
        for (SideNavItem item : nav.getItems()) {
            String path = item.getPath() == null ? "" : item.getPath().replaceFirst("^/", "");
            if (InboxView.ROUTE.equals(path)) {
                item.setSuffixComponent(new InboxNavBadge(service));
            }
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        changed = ComponentUtil.addListener(attachEvent.getUI(), InboxChanged.class, e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (changed != null) {
            changed.remove();
            changed = null;
        }
    }

    private void refresh() {
        InboxCounts counts = inbox.counts();
        total.setText(InboxCounts.shown(counts.total()));
        total.setVisible(counts.total() > 0);
        overdue.setText(InboxCounts.shown(counts.overdue()));
        overdue.setVisible(counts.overdue() > 0);
        String label = getTranslation("work.nav.counts", InboxCounts.shown(counts.total()),
                InboxCounts.shown(counts.overdue()), InboxCounts.shown(counts.dueSoon()),
                InboxCounts.shown(counts.returned()));
        getElement().setAttribute("title", label);
        getElement().setAttribute("aria-label", label);
    }

    private static void style(Span pill, String background, String color) {
        pill.getStyle().set("background", background).set("color", color)
                .set("border-radius", "var(--lumo-border-radius-l)").set("font-size", "var(--lumo-font-size-xxs)")
                .set("font-weight", "600").set("padding", "0.1em 0.5em").set("margin-left", "0.25em");
    }
}
