package org.duban.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import org.duban.admin.CalendarAdminService;
import org.duban.admin.CalendarEntry;
import org.duban.calendar.CalendarDay;

/**
 * The working-day calendar of one year: its holidays and make-up working days (调休), added one by one or imported
 * from the published schedule as text. Weekdays work and weekends rest unless listed here.
 */
@Route("admin/calendar")
@Menu(order = 102, title = "admin.menu.calendar")
@RolesAllowed("ADMIN")
public class CalendarView extends VerticalLayout implements HasDynamicTitle {

    private final transient CalendarAdminService calendar;
    private final IntegerField year = new IntegerField();
    private final Grid<CalendarEntry> grid = new Grid<>();
    private final DatePicker date = new DatePicker();
    private final Select<CalendarDay.Kind> kind = new Select<>();
    private final TextField name = new TextField();

    public CalendarView(CalendarAdminService calendar, Clock clock) {
        this.calendar = calendar;
        setSizeFull();
        configureYear(LocalDate.now(clock).getYear());
        configureGrid();
        add(AdminLayouts.title(getTranslation("admin.calendar.title")),
                new Paragraph(getTranslation("admin.calendar.intro")), toolbar(), addRow(), grid);
        refresh();
    }

    private void configureYear(int current) {
        year.setLabel(getTranslation("admin.field.year"));
        year.setStepButtonsVisible(true);
        year.setMin(2000);
        year.setMax(2100);
        year.setValue(current);
        year.setWidth("9em");
        year.setId("calendar-year");
        year.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                refresh();
            }
        });
    }

    private void configureGrid() {
        grid.setId("calendar-days");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> e.date().toString()).setHeader(getTranslation("admin.field.date")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.date().getDayOfWeek().getDisplayName(TextStyle.FULL, getLocale()))
                .setHeader(getTranslation("admin.calendar.weekday")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> getTranslation("admin.calendar.kind." + e.kind().name()))
                .setHeader(getTranslation("admin.field.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CalendarEntry::name).setHeader(getTranslation("admin.field.name")).setFlexGrow(1);
        grid.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("admin.calendar.empty"));
    }

    private Component toolbar() {
        Button importYear = new Button(getTranslation("admin.calendar.import"), VaadinIcon.UPLOAD.create(),
                e -> new CalendarImportDialog(year.getValue(), calendar, this::refresh).open());
        importYear.setId("calendar-import");
        HorizontalLayout toolbar = new HorizontalLayout(year, importYear);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    private Component addRow() {
        date.setLabel(getTranslation("admin.field.date"));
        date.setI18n(AdminDates.datePickerI18n(this, getLocale()));
        date.setLocale(getLocale());
        date.setWidth("11em");
        date.setId("calendar-date");
        date.addValueChangeListener(e -> suggestKind(e.getValue()));
        kind.setLabel(getTranslation("admin.field.kind"));
        kind.setItems(CalendarDay.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("admin.calendar.kind." + k.name()));
        kind.setValue(CalendarDay.Kind.HOLIDAY);
        kind.setWidth("10em");
        name.setLabel(getTranslation("admin.field.name"));
        name.setPlaceholder(getTranslation("admin.calendar.namePlaceholder"));
        name.setMaxLength(40);
        name.setId("calendar-name");
        Button add = new Button(getTranslation("admin.action.add"), VaadinIcon.PLUS.create(), e -> addDay());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("calendar-add");
        HorizontalLayout row = new HorizontalLayout(date, kind, name, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    /** A weekend date can only sensibly become a make-up working day, a weekday only a holiday. */
    private void suggestKind(LocalDate value) {
        if (value != null) {
            boolean weekend = value.getDayOfWeek().getValue() >= 6;
            kind.setValue(weekend ? CalendarDay.Kind.WORKDAY : CalendarDay.Kind.HOLIDAY);
        }
    }

    private void addDay() {
        if (AdminNotifications.attempt(this, () -> calendar.set(date.getValue(), kind.getValue(), name.getValue()))) {
            AdminNotifications.success(getTranslation("admin.calendar.saved", String.valueOf(date.getValue())));
            date.clear();
            name.clear();
            refresh();
        }
    }

    private Button removeButton(CalendarEntry entry) {
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemove(entry));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("admin.action.remove"));
        remove.setTooltipText(getTranslation("admin.action.remove"));
        return remove;
    }

    private void confirmRemove(CalendarEntry entry) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("admin.calendar.removeTitle", entry.date().toString(), entry.name()));
        confirm.setText(getTranslation("admin.calendar.removeText"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.action.cancel"));
        confirm.setConfirmText(getTranslation("admin.action.remove"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            if (AdminNotifications.attempt(this, () -> calendar.remove(entry.date()))) {
                refresh();
            }
        });
        confirm.open();
    }

    private void refresh() {
        Integer selected = year.getValue();
        if (selected == null) {
            return;
        }
        AdminNotifications.attempt(this, () -> grid.setItems(calendar.exceptions(selected)));
        if (selected >= 2000 && selected <= 2100) {
            date.setMin(LocalDate.of(selected, 1, 1));
            date.setMax(LocalDate.of(selected, 12, 31));
            date.setInitialPosition(LocalDate.of(selected, 1, 1));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.calendar.title") + " · " + getTranslation("app.name");
    }
}
