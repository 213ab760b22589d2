package org.duban.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Every UI starts in Chinese unless the user switched this session to English. */
@Component
public class UiLocale implements VaadinServiceInitListener {

    private static final String SESSION_KEY = "duban.locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(current(ui.getUI().getSession())));
    }

    public static Locale current(VaadinSession session) {
        Object chosen = session == null ? null : session.getAttribute(SESSION_KEY);
        return chosen instanceof Locale locale ? locale : DubanI18nProvider.CHINESE;
    }

    /** Switches the session's language and reloads, so every component renders in it. */
    public static void switchTo(Locale locale) {
        UI ui = UI.getCurrent();
        ui.getSession().setAttribute(SESSION_KEY, locale);
        ui.getSession().setLocale(locale);
        ui.getPage().reload();
    }
}
