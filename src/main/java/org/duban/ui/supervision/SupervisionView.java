package org.duban.ui.supervision;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.duban.ledger.SupervisionDeskService;
import org.duban.ledger.SupervisionDeskService.OverdueItem;
import org.duban.ledger.SupervisionDeskService.OverdueUnit;
import org.duban.ledger.SupervisionDeskService.SupervisionCase;

/**
 * The supervision office's desk (督办): the queue of open cases, the units with overdue work, and each unit's overdue
 * items with one-click urging (催办). Every action goes through {@link SupervisionDeskService}, which checks the role
 * again and records, audits and notifies.
 */
@Route("supervision")
@Menu(order = 45, title = "supervision.menu")
@RolesAllowed("SUPERVISOR")
public class SupervisionView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient SupervisionDeskService desk;
    private final Grid<SupervisionCase> cases = new Grid<>();
    private final Grid<OverdueUnit> units = new Grid<>();
    private final Grid<OverdueItem> items = new Grid<>();
    private final H3 itemsTitle = new H3();
    private String selectedUnit;

    public SupervisionView(SupervisionDeskService desk) {
        this.desk = desk;
        setSizeFull();
        configureCases();
        configureUnits();
        configureItems();
        add(new H2(getTranslation("supervision.title")), new H3(getTranslation("supervision.cases.title")), cases,
                overdueSection());
        refresh();
    }

    private void configureCases() {
        cases.setId("supervision-cases");
        cases.setHeight("16em");
        cases.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        cases.addColumn(c -> WHEN.format(c.occurredAt())).setHeader(getTranslation("supervision.column.since"))
                .setAutoWidth(true).setFlexGrow(0);
        cases.addComponentColumn(c -> new Anchor("keytask/" + c.taskNumber(), c.taskNumber() + ". " + c.taskTitle()))
                .setHeader(getTranslation("supervision.column.task")).setFlexGrow(2);
        cases.addColumn(SupervisionCase::unitName).setHeader(getTranslation("supervision.column.lateUnit"))
                .setAutoWidth(true).setFlexGrow(0);
        cases.addColumn(SupervisionCase::periodCode).setHeader(getTranslation("supervision.column.cycle"))
                .setAutoWidth(true).setFlexGrow(0);
        cases.addColumn(c -> getTranslation("supervision.stage." + c.stage().name()))
                .setHeader(getTranslation("supervision.column.stage")).setAutoWidth(true).setFlexGrow(0);
        cases.addColumn(SupervisionCase::reason).setHeader(getTranslation("supervision.column.reason"))
                .setFlexGrow(2);
        cases.addComponentColumn(this::handleButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        cases.setEmptyStateText(getTranslation("supervision.cases.empty"));
        cases.setItems(q -> desk.openCases(q.getOffset(), q.getLimit()).stream(),
                q -> (int) desk.countOpenCases());
    }

    private Component handleButton(SupervisionCase c) {
        Button handle = new Button(getTranslation("supervision.action.handle"), e -> openHandleDialog(c));
        handle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        handle.setEnabled(c.engineTaskId() != null);
        return handle;
    }

    private void openHandleDialog(SupervisionCase c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("supervision.handle.title", c.taskNumber() + ". " + c.taskTitle()));
        TextArea note = new TextArea(getTranslation("supervision.handle.note"));
        note.setRequired(true);
        note.setWidthFull();
        dialog.add(new Span(c.unitName() + " · " + c.reason()), note);
        Button done = new Button(getTranslation("supervision.handle.done"), e -> {
            if (note.getValue().isBlank()) {
                note.setInvalid(true);
                note.setErrorMessage(getTranslation("supervision.handle.noteRequired"));
                return;
            }
            if (act(() -> desk.handleCase(c.engineTaskId(), note.getValue()), "supervision.handle.saved")) {
                dialog.close();
            }
        });
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("supervision.action.cancel"), e -> dialog.close()), done);
        dialog.setWidth("30em");
        dialog.open();
    }

    private Component overdueSection() {
        VerticalLayout left = new VerticalLayout(new H3(getTranslation("supervision.units.title")), units);
        left.setPadding(false);
        left.setWidth("24em");
        VerticalLayout right = new VerticalLayout(itemsTitle, items);
        right.setPadding(false);
        HorizontalLayout both = new HorizontalLayout(left, right);
        both.setFlexGrow(1, right);
        both.setSizeFull();
        return both;
    }

    private void configureUnits() {
        units.setId("supervision-overdue-units");
        units.setHeight("24em");
        units.addThemeVariants(GridVariant.LUMO_COMPACT);
        units.addColumn(OverdueUnit::unitName).setHeader(getTranslation("supervision.column.unit")).setFlexGrow(1);
        units.addColumn(OverdueUnit::overdueReports).setHeader(getTranslation("supervision.column.overdueReports"))
                .setAutoWidth(true).setFlexGrow(0);
        units.addColumn(OverdueUnit::overdueReviews).setHeader(getTranslation("supervision.column.overdueReviews"))
                .setAutoWidth(true).setFlexGrow(0);
        units.setEmptyStateText(getTranslation("supervision.units.empty"));
        units.asSingleSelect().addValueChangeListener(e -> {
            selectedUnit = e.getValue() == null ? null : e.getValue().unitCode();
            showItems(e.getValue() == null ? null : e.getValue().unitName());
        });
    }

    private void configureItems() {
        items.setId("supervision-overdue-items");
        items.setHeight("24em");
        items.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        items.addComponentColumn(i -> new Anchor("keytask/" + i.taskNumber(), i.taskNumber() + ". " + i.taskTitle()))
                .setHeader(getTranslation("supervision.column.task")).setFlexGrow(2);
        items.addColumn(OverdueItem::reportingUnit).setHeader(getTranslation("supervision.column.unit"))
                .setAutoWidth(true).setFlexGrow(0);
        items.addColumn(i -> getTranslation("supervision.stage." + i.stage().name()) + " · " + i.lateUnit())
                .setHeader(getTranslation("supervision.column.stage")).setAutoWidth(true).setFlexGrow(0);
        items.addColumn(OverdueItem::periodCode).setHeader(getTranslation("supervision.column.cycle"))
                .setAutoWidth(true).setFlexGrow(0);
        items.addColumn(i -> getTranslation("supervision.overdueDays", i.dueOn().toString(), i.workingDaysOverdue()))
                .setHeader(getTranslation("supervision.column.overdue")).setAutoWidth(true).setFlexGrow(0);
        items.addColumn(i -> i.lastUrgedAt() == null ? "" : WHEN.format(i.lastUrgedAt()))
                .setHeader(getTranslation("supervision.column.lastUrged")).setAutoWidth(true).setFlexGrow(0);
        items.addComponentColumn(this::urgeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        items.setEmptyStateText(getTranslation("supervision.items.empty"));
    }

    private Component urgeButton(OverdueItem item) {
        Button urge = new Button(getTranslation("supervision.action.urge"));
        urge.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        urge.addClickListener(e -> {
            if (act(() -> desk.urge(item.reportId(), null), "supervision.urged")) {
                items.getDataProvider().refreshAll();
            }
        });
        return urge;
    }

    private boolean act(Runnable serviceCall, String successKey) {
        try {
            serviceCall.run();
            Notification.show(getTranslation(successKey), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            return true;
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }

    private void showItems(String unitName) {
        String unitCode = selectedUnit;
        itemsTitle.setText(unitName == null ? getTranslation("supervision.items.titleAll")
                : getTranslation("supervision.items.title", unitName));
        items.setItems(q -> desk.overdue(unitCode, q.getOffset(), q.getLimit()).stream(),
                q -> (int) desk.countOverdue(unitCode));
    }

    private void refresh() {
        cases.getDataProvider().refreshAll();
        String keep = selectedUnit;
        java.util.List<OverdueUnit> overdue = desk.overdueByUnit();
        units.setItems(overdue);
        java.util.Optional<OverdueUnit> again = overdue.stream().filter(u -> u.unitCode().equals(keep)).findFirst();
        if (again.isPresent()) {
            units.select(again.get());
        } else {
            selectedUnit = null;
            showItems(null);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("supervision.title") + " · " + getTranslation("app.name");
    }
}
