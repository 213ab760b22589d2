package org.duban.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.Locale;

/**
 * A process step's name on screen. Chinese screens show the name the process designer gave the step in Modeler (an
 * admin may rename it without code); English screens show {@code process.step.<activity id>} from the bundle, or that
 * same name for a step the bundle does not know (one an admin added).
 */
public final class StepNames {

    private StepNames() {
    }

    public static String of(Component view, String activityId, String modelerName) {
        Locale locale = view.getUI().map(UI::getLocale).orElseGet(() -> UI.getCurrent() == null ? null
                : UI.getCurrent().getLocale());
        if (activityId == null || locale == null || !"en".equals(locale.getLanguage())) {
            return modelerName;
        }
        String text = view.getTranslation("process.step." + activityId);
        return text.startsWith("!") ? modelerName : text;
    }
}
