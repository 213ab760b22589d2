package org.duban.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.concurrent.atomic.AtomicReference;
import org.duban.admin.AdminValidationException;
import org.duban.admin.CalendarAdminService;
import org.duban.admin.CalendarImportException;
import org.duban.admin.CalendarImportResult;

/**
 * Pastes a year's published schedule as lines {@code 2027-01-01 HOLIDAY 元旦}. The year's exceptions are replaced as a
 * whole; bad lines are listed by number and nothing is stored until all are right.
 */
class CalendarImportDialog extends Dialog {

    private final TextArea text = new TextArea();
    private final UnorderedList errors = new UnorderedList();
    private final transient CalendarAdminService calendar;
    private final int year;
    private final Runnable imported;

    CalendarImportDialog(int year, CalendarAdminService calendar, Runnable imported) {
        this.year = year;
        this.calendar = calendar;
        this.imported = imported;
        setHeaderTitle(getTranslation("admin.calendar.importTitle", String.valueOf(year)));
        setWidth("40rem");
        text.setWidthFull();
        text.setHeight("16rem");
        text.setId("calendar-import-text");
        text.setPlaceholder(year + "-01-01 HOLIDAY 元旦\n" + year + "-02-06 WORKDAY 春节调休");
        errors.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
        add(new Paragraph(getTranslation("admin.calendar.importHelp", String.valueOf(year))), text, errors);
        Button run = new Button(getTranslation("admin.calendar.import"), e -> runImport());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("calendar-import-run");
        getFooter().add(new Button(getTranslation("admin.action.cancel"), e -> close()), run);
    }

    private void runImport() {
        errors.removeAll();
        AtomicReference<CalendarImportResult> result = new AtomicReference<>();
        try {
            result.set(calendar.importYear(year, text.getValue()));
        } catch (CalendarImportException e) {
            e.getErrors().forEach(error -> errors.add(new ListItem(getTranslation("admin.calendar.lineError",
                    String.valueOf(error.line()), lineMessage(error)))));
            return;
        } catch (AdminValidationException e) {
            errors.add(new ListItem(AdminNotifications.message(this, e)));
            return;
        }
        CalendarImportResult done = result.get();
        AdminNotifications.success(getTranslation("admin.calendar.imported", String.valueOf(done.year()),
                String.valueOf(done.set()), String.valueOf(done.removed()), String.valueOf(done.unchanged())));
        imported.run();
        close();
    }

    private String lineMessage(CalendarImportException.LineError error) {
        String translated = getTranslation("admin.error." + error.code(), error.args().toArray());
        return translated.startsWith("!") ? error.message() : translated;
    }
}
