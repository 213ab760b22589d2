package org.duban.ui.work;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the user's inbox changed (claimed, released, submitted), so the navigation counts again. */
public class InboxChanged extends ComponentEvent<UI> {

    public InboxChanged(UI source) {
        super(source, false);
    }

    public static void fireOn(UI ui) {
        ComponentUtil.fireEvent(ui, new InboxChanged(ui));
    }
}
