package org.duban.ui.supervision;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.duban.catalog.CatalogQueryService;
import org.duban.catalog.PlanSummary;
import org.duban.reporting.CycleDeskService;
import org.duban.reporting.CycleDeskService.CycleLine;
import org.duban.ui.admin.AdminDates;
import org.duban.ui.review.ReviewNotices;

/**
 * The reporting cycles of a plan (填报周期): scheduled, open or closed, with their reports, and opening a scheduled one
 * by hand with a due date. The calendar's timer opens cycles on their day; this is for the ones it will not open
 * (their period is over) and for opening early. {@link CycleDeskService} checks the role and the date again.
 */
@Route("cycles")
@Menu(order = 46, title = "cycles.menu")
@RolesAllowed({"SUPERVISOR", "ADMIN"})
public class CyclesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient CycleDeskService desk;
    private final Select<PlanSummary> plan = new Select<>();
    private final Grid<CycleLine> grid = new Grid<>();
    private final List<PlanSummary> plans;

    public CyclesView(CycleDeskService desk, CatalogQueryService catalog) {
        this.desk = desk;
        setSizeFull();
        plans = catalog.planSummaries();
        plan.setId("cycles-plan");
        plan.setLabel(getTranslation("dashboard.filter.plan"));
        plan.setItemLabelGenerator(p -> p == null ? "" : p.documentNumber() + " " + p.title());
        plan.setWidth("32em");
        plan.setItems(plans);
        plan.addValueChangeListener(e -> refresh());
        configureGrid();
        Paragraph hint = new Paragraph(getTranslation("cycles.hint"));
        add(new H2(getTranslation("cycles.title")), hint, plan, grid);
    }

    /** {@code ?plan=<id>} chooses the plan (links from elsewhere); otherwise the newest. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long wanted = event.getLocation().getQueryParameters().getSingleParameter("plan")
                .filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        plans.stream().filter(p -> p.id().equals(wanted)).findFirst()
                .or(() -> plans.stream().findFirst()).ifPresent(plan::setValue);
    }

    private void configureGrid() {
        grid.setId("cycles-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(CycleLine::periodCode).setHeader(getTranslation("cycles.column.period")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> c.periodStart() + " — " + c.periodEnd()).setHeader(getTranslation("cycles.column.span"))
                .setAutoWidth(true);
        grid.addColumn(CycleLine::opensOn).setHeader(getTranslation("cycles.column.opensOn")).setAutoWidth(true);
        grid.addColumn(c -> c.dueOn() + (c.duePassed() ? " " + getTranslation("cycles.duePassed") : ""))
                .setHeader(getTranslation("cycles.column.dueOn")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("cycles.status." + c.status().name())
                + (c.finalCycle() ? " · " + getTranslation("cycles.final") : ""))
                .setHeader(getTranslation("cycles.column.status")).setAutoWidth(true);
        grid.addColumn(c -> c.openedAt() == null ? "" : WHEN.format(c.openedAt()) + " " + c.openedBy())
                .setHeader(getTranslation("cycles.column.opened")).setAutoWidth(true);
        grid.addColumn(c -> c.openable() ? "" : getTranslation("cycles.reports", c.reports(), c.approved()))
                .setHeader(getTranslation("cycles.column.reports")).setAutoWidth(true);
        grid.addComponentColumn(this::action).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("cycles.empty"));
    }

    private Component action(CycleLine cycle) {
        if (!cycle.openable()) {
            Anchor ledger = new Anchor("ledger?cycle=" + cycle.id(), getTranslation("cycles.action.ledger"));
            ledger.setId("cycle-ledger-" + cycle.periodCode());
            return ledger;
        }
        Button open = new Button(getTranslation("cycles.action.open"), e -> confirmOpening(cycle));
        open.setId("open-cycle-" + cycle.periodCode());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        return open;
    }

    private void confirmOpening(CycleLine cycle) {
        Dialog dialog = new Dialog();
        dialog.setId("open-cycle-dialog");
        dialog.setHeaderTitle(getTranslation("cycles.dialog.title", cycle.periodCode()));
        DatePicker due = new DatePicker(getTranslation("cycles.dialog.due"));
        due.setId("open-cycle-due");
        getUI().ifPresent(ui -> due.setI18n(AdminDates.datePickerI18n(this, ui.getLocale())));
        due.setMin(LocalDate.now());
        due.setRequired(true);
        Paragraph explain = new Paragraph(getTranslation(cycle.duePassed() ? "cycles.dialog.passed"
                : "cycles.dialog.ahead", cycle.dueOn().toString()));
        if (!ReviewNotices.attempt(this, () -> due.setValue(desk.suggestedDueDate(cycle.id())))) {
            return;
        }
        Button confirm = new Button(getTranslation("cycles.dialog.confirm"), e -> {
            int[] opened = new int[1];
            if (due.getValue() == null) {
                due.setInvalid(true);
                due.setErrorMessage(getTranslation("cycles.dialog.dueRequired"));
            } else if (ReviewNotices.attempt(this, () -> opened[0] = desk.open(cycle.id(), due.getValue()))) {
                dialog.close();
                ReviewNotices.success(getTranslation("cycles.opened", cycle.periodCode(), opened[0]));
                refresh();
                return;
            }
            e.getSource().setEnabled(true);
        });
        confirm.setId("open-cycle-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        Button cancel = new Button(getTranslation("admin.action.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(explain, due));
        dialog.getFooter().add(cancel, confirm);
        add(dialog);
        dialog.open();
    }

    private void refresh() {
        PlanSummary chosen = plan.getValue();
        grid.setItems(chosen == null ? List.of() : desk.cyclesOf(chosen.id()));
        grid.recalculateColumnWidths(); // the opened-at column fills only once a cycle is opened
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cycles.title") + " · " + getTranslation("app.name");
    }
}
