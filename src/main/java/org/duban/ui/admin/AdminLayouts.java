package org.duban.ui.admin;

import com.vaadin.flow.component.html.H2;

/** Layout pieces the admin screens share, sized for a 1366×768 screen. */
final class AdminLayouts {

    private AdminLayouts() {
    }

    /** The screen's heading, without the large default margins that would cost the grid rows. */
    static H2 title(String text) {
        H2 title = new H2(text);
        title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
        return title;
    }
}
