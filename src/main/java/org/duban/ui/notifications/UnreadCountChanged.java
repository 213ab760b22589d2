package org.duban.ui.notifications;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the user read notifications, so the bell in the header shows the new count at once. */
class UnreadCountChanged extends ComponentEvent<UI> {

    UnreadCountChanged(UI ui) {
        super(ui, false);
    }

    static void fireOn(UI ui) {
        ComponentUtil.fireEvent(ui, new UnreadCountChanged(ui));
    }
}
