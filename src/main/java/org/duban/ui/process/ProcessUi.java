package org.duban.ui.process;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.duban.process.ValidationProblem;

/** Pieces the process screens share: the heading, outcome notes, problems listed by file and line. */
final class ProcessUi {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private ProcessUi() {
    }

    static H2 title(String text) {
        H2 title = new H2(text);
        title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
        return title;
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** {@code file, line n: reason} in the user's language. */
    static String problem(Component view, ValidationProblem problem) {
        String line = problem.line() == null ? "" : view.getTranslation("process.deploy.line", problem.line());
        return view.getTranslation("process.deploy.problem", problem.file(), line,
                view.getTranslation("process.problem." + problem.code(), problem.args().toArray()));
    }

    static UnorderedList errorList(String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0")
                .set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        return list;
    }

    static void fill(UnorderedList list, List<String> lines) {
        list.removeAll();
        lines.forEach(line -> list.add(new ListItem(line)));
    }

    static void success(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
