package org.duban.ui.work;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.duban.inbox.FilterChoice;
import org.duban.inbox.InboxCounts;
import org.duban.inbox.InboxFilter;
import org.duban.inbox.InboxRow;
import org.duban.inbox.InboxService;
import org.duban.inbox.InboxSort;
import org.duban.inbox.TaskFormService;
import org.duban.inbox.WithdrawalService;
import org.duban.reporting.ReportStatus;
import org.duban.ui.StepNames;

/**
 * 待办: the signed-in user's tasks and their unit's unclaimed ones, a page at a time from the engine, with filters,
 * sorting, marks for overdue, due-soon and returned items, claim and release, and a way into each item's form.
 */
@Route(InboxView.ROUTE)
@Menu(order = 5, title = "work.menu.inbox")
@PermitAll
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "inbox";
    /**
     * The lead unit's review has its own screen (review/:taskId); the other steps that are not a report's
     * (assignment, work plan, closure, coordination, supervision case) open the generic task form.
     */
    private static final String REVIEW_STEP = "reviewReport";

    private final transient InboxService inbox;
    private final transient WithdrawalService withdrawals;
    private final Details submitted = new Details();
    private final Grid<InboxRow> grid = new Grid<>();
    private GridLazyDataView<InboxRow> rows;
    private final HorizontalLayout countsBar = new HorizontalLayout();
    private final Select<InboxFilter.Scope> scope = new Select<>();
    private final ComboBox<FilterChoice> plan = new ComboBox<>();
    private final ComboBox<FilterChoice> section = new ComboBox<>();
    private final IntegerField taskNumber = new IntegerField();
    private final ComboBox<FilterChoice> cycle = new ComboBox<>();
    private final Select<ReportStatus> status = new Select<>();
    private final DatePicker dueFrom = new DatePicker();
    private final DatePicker dueTo = new DatePicker();
    private final Select<InboxFilter.Flag> flag = new Select<>();
    private InboxFilter filter = InboxFilter.all();

    public InboxView(InboxService inbox, WithdrawalService withdrawals) {
        this.inbox = inbox;
        this.withdrawals = withdrawals;
        setSizeFull();
        configureGrid();
        submitted.setId("inbox-submitted");
        add(new H2(getTranslation("work.inbox.title")), countsBar, submitted, filterBar(), grid);
        setFlexGrow(1, grid);
        refreshCounts();
        refreshSubmitted();
    }

    /**
     * The clerk's own submissions that left the unit's inbox but nobody has taken up yet: the place to withdraw
     * (撤回) one, since the report is no longer among the clerk's tasks.
     */
    private void refreshSubmitted() {
        List<WithdrawalService.Submitted> reports = withdrawals.submittedByMyUnit();
        submitted.setVisible(!reports.isEmpty());
        submitted.setSummaryText(getTranslation("work.submitted.title", reports.size()));
        VerticalLayout lines = new VerticalLayout();
        lines.setPadding(false);
        lines.setSpacing(false);
        for (WithdrawalService.Submitted report : reports) {
            HorizontalLayout line = new HorizontalLayout();
            line.setId("submitted-" + report.reportId());
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            line.getStyle().set("flex-wrap", "wrap");
            line.add(new Span(report.taskCode() + " " + report.taskTitle()), new Span(report.cycleCode()),
                    Badges.of(getTranslation("work.status." + report.status().name()), Badges.Tone.NEUTRAL),
                    new Span(report.takenUpBy() == null ? getTranslation("work.submitted.notTakenUp")
                            : getTranslation("work.submitted.takenUpBy", report.takenUpBy())));
            if (report.withdrawable()) {
                Button withdraw = new Button(getTranslation("work.action.withdraw"), e -> confirmWithdraw(report));
                withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                withdraw.setId("withdraw-" + report.reportId());
                line.add(withdraw);
            }
            Button view = new Button(getTranslation("work.submitted.view"), e -> getUI().ifPresent(ui -> ui.navigate(
                    ReportFormView.class, new RouteParameters(ReportFormView.REPORT_ID,
                            String.valueOf(report.reportId())))));
            view.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            line.add(view);
            lines.add(line);
        }
        submitted.setContent(lines);
    }

    private void confirmWithdraw(WithdrawalService.Submitted report) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("work.withdraw.title"),
                getTranslation("work.withdraw.text"), getTranslation("work.action.withdraw"), e -> {
                    act(() -> withdrawals.withdraw(report.reportId(), null), "work.notice.withdrawn");
                    refreshSubmitted();
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("work.action.cancel"));
        dialog.open();
    }

    private void configureGrid() {
        grid.setId("inbox");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(false);
        grid.addColumn(marks()).setHeader(getTranslation("work.inbox.column.marks")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> StepNames.of(this, row.activityId(), row.taskName()))
                .setHeader(getTranslation("work.inbox.column.step")).setSortProperty("name")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.taskNumber() == null ? "" : r.taskNumber() + ". " + r.taskTitle())
                .setHeader(getTranslation("work.inbox.column.task")).setFlexGrow(2)
                .setTooltipGenerator(r -> r.taskTitle() == null ? "" : r.taskTitle());
        grid.addColumn(r -> r.unitName() == null ? "" : r.unitName()).setHeader(getTranslation("work.inbox.column.unit"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.cycleCode() == null ? "" : r.cycleCode())
                .setHeader(getTranslation("work.inbox.column.cycle")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.dueOn() == null ? "" : r.dueOn().toString()).setHeader(getTranslation(
                "work.inbox.column.due")).setSortProperty("due").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.reportStatus() == null ? "" : getTranslation("work.status." + r.reportStatus().name()))
                .setHeader(getTranslation("work.inbox.column.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InboxRow::returnCount).setHeader(getTranslation("work.inbox.column.returns"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.assignee() == null ? getTranslation("work.inbox.unclaimed") : r.assignee())
                .setHeader(getTranslation("work.inbox.column.assignee")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.createdAt() == null ? "" : r.createdAt().toString().substring(0, 10))
                .setHeader(getTranslation("work.inbox.column.created")).setSortProperty("created").setAutoWidth(true)
                .setFlexGrow(0);
        // frozen, so claim and open stay on screen when a tablet scrolls the wide grid sideways
        grid.addColumn(actions()).setHeader(getTranslation("work.inbox.column.actions"))
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("work.inbox.empty"));
        // lazy: the database hands over one page at a time; the count query matches the page query
        rows = grid.setItems(query -> inbox.page(filter, sortOf(query.getSortOrders()), query.getOffset(),
                query.getLimit()).stream());
        sizeToFilter();
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
    }

    /**
     * The grid knows its exact size up to the count limit; above it, Vaadin's undefined size lets the grid learn the
     * end by scrolling, so a unit with a huge backlog does not pay for counting it on every refresh.
     */
    private void sizeToFilter() {
        if (inbox.countUpTo(filter, InboxCounts.LIMIT) > InboxCounts.LIMIT) {
            rows.setItemCountEstimate(InboxCounts.LIMIT + 1);
        } else {
            rows.setItemCountCallback(query -> (int) inbox.countUpTo(filter, InboxCounts.LIMIT));
        }
    }

    private static InboxSort sortOf(List<QuerySortOrder> orders) {
        for (QuerySortOrder order : orders) {
            InboxSort.Field field = InboxSort.fieldOf(order.getSorted());
            if (field != null) {
                return new InboxSort(field, order.getDirection() != SortDirection.DESCENDING);
            }
        }
        return InboxSort.dueFirst();
    }

    /*
     * The marks and the actions are drawn in the browser (LitRenderer) from a few properties per row: server-side
     * components per row (badges, buttons) were about a third of an idle inbox session's heap (docs/benchmarks.md).
     */

    private LitRenderer<InboxRow> marks() {
        String badge = "<span theme=\"badge\" style=\"%s\" ?hidden=\"${!item.%s}\">%s</span>";
        return LitRenderer.<InboxRow>of(badge.formatted(Badges.css(Badges.Tone.ERROR), "overdue",
                        text("work.mark.overdue"))
                        + badge.formatted(Badges.css(Badges.Tone.WARNING), "dueSoon", text("work.mark.dueSoon"))
                        + badge.formatted(Badges.css(Badges.Tone.CONTRAST), "returned", text("work.mark.returned"))
                        + badge.formatted(Badges.css(Badges.Tone.NEUTRAL), "mine", text("work.mark.mine")))
                .withProperty("overdue", InboxRow::overdue)
                .withProperty("dueSoon", r -> r.dueSoon() && !r.overdue())
                .withProperty("returned", InboxRow::returned)
                .withProperty("mine", InboxRow::mine);
    }

    private LitRenderer<InboxRow> actions() {
        return LitRenderer.<InboxRow>of("<vaadin-button id=\"claim-${item.id}\" theme=\"small tertiary\""
                        + " ?hidden=\"${!item.claimable}\" @click=\"${claim}\">" + text("work.action.claim")
                        + "</vaadin-button><vaadin-button id=\"unclaim-${item.id}\" theme=\"small tertiary\""
                        + " ?hidden=\"${!item.releasable}\" @click=\"${unclaim}\">" + text("work.action.unclaim")
                        + "</vaadin-button><vaadin-button id=\"open-${item.id}\" theme=\"small primary\""
                        + " @click=\"${open}\"><vaadin-icon icon=\"vaadin:arrow-right\" slot=\"prefix\"></vaadin-icon>"
                        + text("work.action.open") + "</vaadin-button>")
                .withProperty("id", InboxRow::taskId)
                .withProperty("claimable", InboxRow::claimable)
                .withProperty("releasable", r -> !r.claimable() && r.mine())
                .withFunction("claim", this::claim)
                .withFunction("unclaim", this::unclaim)
                .withFunction("open", this::open);
    }

    /** A translated label as template text: the bundles hold plain words, escaped all the same. */
    private String text(String key) {
        return getTranslation(key).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("$", "&#36;");
    }

    private Component filterBar() {
        scope.setLabel(getTranslation("work.filter.scope"));
        scope.setItems(InboxFilter.Scope.values());
        scope.setItemLabelGenerator(s -> getTranslation("work.scope." + s.name()));
        scope.setValue(InboxFilter.Scope.ALL);
        scope.setWidth("9em");

        List<FilterChoice> plans = inbox.plans();
        plan.setLabel(getTranslation("work.filter.plan"));
        plan.setItems(plans);
        plan.setItemLabelGenerator(FilterChoice::label);
        plan.setClearButtonVisible(true);
        plan.setWidth("14em");
        section.setLabel(getTranslation("work.filter.section"));
        section.setItemLabelGenerator(FilterChoice::label);
        section.setClearButtonVisible(true);
        section.setWidth("12em");
        cycle.setLabel(getTranslation("work.filter.cycle"));
        cycle.setItemLabelGenerator(FilterChoice::label);
        cycle.setClearButtonVisible(true);
        cycle.setWidth("9em");
        plan.addValueChangeListener(e -> {
            List<FilterChoice> sections = e.getValue() == null ? List.of() : inbox.sections(e.getValue().id());
            List<FilterChoice> cycles = e.getValue() == null ? List.of() : inbox.cycles(e.getValue().id());
            section.clear();
            section.setItems(sections);
            cycle.clear();
            cycle.setItems(cycles);
            applyFilter();
        });

        taskNumber.setLabel(getTranslation("work.filter.taskNumber"));
        taskNumber.setMin(1);
        taskNumber.setWidth("6em");
        taskNumber.setClearButtonVisible(true);
        taskNumber.setValueChangeMode(ValueChangeMode.LAZY);

        status.setLabel(getTranslation("work.filter.status"));
        status.setItems(ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.RETURNED,
                ReportStatus.AWAITING_SIGNOFF, ReportStatus.AWAITING_REVIEW);
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("work.filter.anyStatus"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("work.filter.anyStatus")
                : getTranslation("work.status." + s.name()));
        status.setWidth("9em");

        dueFrom.setLabel(getTranslation("work.filter.dueFrom"));
        dueTo.setLabel(getTranslation("work.filter.dueTo"));
        dueFrom.setWidth("10em");
        dueTo.setWidth("10em");
        dueFrom.setClearButtonVisible(true);
        dueTo.setClearButtonVisible(true);

        flag.setLabel(getTranslation("work.filter.flag"));
        flag.setItems(InboxFilter.Flag.values());
        flag.setEmptySelectionAllowed(true);
        flag.setEmptySelectionCaption(getTranslation("work.filter.anyFlag"));
        flag.setItemLabelGenerator(f -> f == null ? getTranslation("work.filter.anyFlag")
                : getTranslation("work.flag." + f.name()));
        flag.setWidth("9em");

        scope.addValueChangeListener(e -> applyFilter());
        section.addValueChangeListener(e -> applyFilter());
        cycle.addValueChangeListener(e -> applyFilter());
        taskNumber.addValueChangeListener(e -> applyFilter());
        status.addValueChangeListener(e -> applyFilter());
        dueFrom.addValueChangeListener(e -> applyFilter());
        dueTo.addValueChangeListener(e -> applyFilter());
        flag.addValueChangeListener(e -> applyFilter());

        HorizontalLayout bar = new HorizontalLayout(scope, plan, section, taskNumber, cycle, status, dueFrom, dueTo,
                flag);
        bar.setId("inbox-filters");
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private void applyFilter() {
        filter = new InboxFilter(scope.getValue(), plan.getValue() == null ? null : plan.getValue().id(),
                section.getValue() == null ? null : section.getValue().id(), taskNumber.getValue(),
                cycle.getValue() == null ? null : cycle.getValue().id(), status.getValue(), dueFrom.getValue(),
                dueTo.getValue(), flag.getValue());
        sizeToFilter();
        grid.getDataProvider().refreshAll();
    }

    private void refreshCounts() {
        InboxCounts counts = inbox.counts();
        countsBar.removeAll();
        countsBar.setId("inbox-counts");
        countsBar.add(countButton("total", counts.total(), null, Badges.Tone.NEUTRAL),
                countButton("mine", counts.mine(), null, Badges.Tone.NEUTRAL),
                countButton("claimable", counts.claimable(), null, Badges.Tone.NEUTRAL),
                countButton("overdue", counts.overdue(), InboxFilter.Flag.OVERDUE, Badges.Tone.ERROR),
                countButton("dueSoon", counts.dueSoon(), InboxFilter.Flag.DUE_SOON, Badges.Tone.WARNING),
                countButton("returned", counts.returned(), InboxFilter.Flag.RETURNED, Badges.Tone.CONTRAST));
    }

    private Component countButton(String key, long count, InboxFilter.Flag target, Badges.Tone tone) {
        Div pill = new Div(Badges.of(getTranslation("work.count." + key, InboxCounts.shown(count)), tone));
        pill.setId("count-" + key);
        if (target != null) {
            pill.getStyle().set("cursor", "pointer");
            pill.addClickListener(e -> flag.setValue(target));
        } else if ("mine".equals(key) || "claimable".equals(key)) {
            pill.getStyle().set("cursor", "pointer");
            pill.addClickListener(e -> scope.setValue("mine".equals(key) ? InboxFilter.Scope.MINE
                    : InboxFilter.Scope.CLAIMABLE));
        }
        return pill;
    }

    private void claim(InboxRow row) {
        act(() -> inbox.claim(row.taskId()), "work.notice.claimed");
    }

    private void unclaim(InboxRow row) {
        act(() -> inbox.unclaim(row.taskId()), "work.notice.unclaimed");
    }

    private void act(Runnable action, String successKey) {
        try {
            action.run();
            Notification.show(getTranslation(successKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        grid.getDataProvider().refreshAll();
        refreshCounts();
        getUI().ifPresent(InboxChanged::fireOn);
    }

    private void open(InboxRow row) {
        if (REVIEW_STEP.equals(row.activityId())) {
            getUI().ifPresent(ui -> ui.navigate("review/" + row.taskId()));
        } else if (TaskFormService.handles(row.activityId())) {
            getUI().ifPresent(ui -> ui.navigate(taskFormRoute(row.taskId())));
        } else if (row.reportId() != null) {
            getUI().ifPresent(ui -> ui.navigate(ReportFormView.class,
                    new RouteParameters(ReportFormView.REPORT_ID, String.valueOf(row.reportId()))));
        } else if (row.taskNumber() != null) {
            getUI().ifPresent(ui -> ui.navigate("keytask/" + row.taskNumber()));
        } else {
            Notification.show(getTranslation("work.notice.openElsewhere",
                    StepNames.of(this, row.activityId(), row.taskName())), 5000,
                    Notification.Position.MIDDLE);
        }
    }

    /** The generic form screen's route (ui/form/TaskFormView), for a step {@link TaskFormService} handles. */
    static String taskFormRoute(String taskId) {
        return "task/" + taskId + "/form";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("work.inbox.title") + " · " + getTranslation("app.name");
    }
}
