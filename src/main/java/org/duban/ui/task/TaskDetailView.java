package org.duban.ui.task;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import elemental.json.Json;
import elemental.json.JsonArray;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.duban.catalog.AssignmentRole;
import org.duban.supervision.KeyTaskSteps;
import org.duban.supervision.TaskUnitsService;
import org.duban.supervision.TaskDetailService;
import org.duban.supervision.TaskDetailService.Diagram;
import org.duban.supervision.TaskDetailService.EntryKind;
import org.duban.supervision.TaskDetailService.IndicatorProgress;
import org.duban.supervision.TaskDetailService.TaskDetail;
import org.duban.supervision.TaskDetailService.TimelineEntry;
import org.duban.supervision.TaskDetailService.UnitLine;
import org.duban.ui.StepNames;
import org.duban.ui.review.ReviewNotices;

/**
 * One key task: its text, lead and participating units, indicators with progress, a timeline of every submission,
 * decision, urge and escalation, and the supervision process drawn by the bpmn-js viewer (a static resource loaded at
 * run time) with the current step marked. Who sees what is the service's decision.
 */
@Route("keytask/:number")
@PermitAll
public class TaskDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String BPMN_JS = "context://bpmn-js/bpmn-navigated-viewer.production.min.js";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient TaskDetailService details;
    private final transient KeyTaskSteps steps;
    private final transient TaskUnitsService taskUnits;
    private final transient AuthenticationContext authentication;
    private String title;
    private Long shownPlanId;
    private String shownNumber;

    public TaskDetailView(TaskDetailService details, KeyTaskSteps steps, TaskUnitsService taskUnits,
            AuthenticationContext authentication) {
        this.details = details;
        this.steps = steps;
        this.taskUnits = taskUnits;
        this.authentication = authentication;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String number = event.getRouteParameters().get("number").orElse("");
        Long planId = event.getLocation().getQueryParameters().getSingleParameter("plan")
                .filter(p -> p.matches("\\d+")).map(Long::valueOf).orElse(null);
        show(planId, number);
    }

    private void show(Long planId, String number) {
        shownPlanId = planId;
        shownNumber = number;
        removeAll();
        title = getTranslation("task.title");
        TaskDetail[] found = new TaskDetail[1];
        if (!number.matches("\\d{1,6}")
                || !ReviewNotices.attempt(this, () -> found[0] = details.detail(planId, Integer.parseInt(number)))) {
            Paragraph refused = new Paragraph(getTranslation("task.refused"));
            refused.setId("task-refused");
            add(new H2(title), refused);
            return;
        }
        build(found[0]);
    }

    private void build(TaskDetail task) {
        title = getTranslation("review.task.numbered", task.number(), task.title());
        H2 heading = new H2(title);
        heading.setId("task-heading");
        Span meta = new Span(getTranslation("task.meta", task.code(), task.sectionTitle(),
                getTranslation("task.status." + task.status())));
        meta.setId("task-meta");
        Paragraph body = new Paragraph(task.body());
        body.setId("task-body");
        body.getStyle().set("white-space", "pre-wrap");
        add(heading, meta);
        if (steps.closureInvitable(task.taskId())) {
            add(inviteClosureButton(task));
        }
        add(body, units(task.units()));
        if (authentication.hasRole("SUPERVISOR") && "ACTIVE".equals(task.status()) && !task.units().isEmpty()) {
            Button change = new Button(getTranslation("task.units.change"), e -> changeUnits(task));
            change.setId("task-change-units");
            change.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(change);
        }
        add(new H3(getTranslation("task.indicators")),
                indicators(task.indicators()), new H3(getTranslation("task.diagram")), diagram(task.diagram()),
                new H3(getTranslation("task.timeline")), timeline(task));
    }

    /** The supervisor's early 销号 invitation (e.g. a target met before the year's last cycle). */
    private Component inviteClosureButton(TaskDetail task) {
        Button invite = new Button(getTranslation("task.closure.invite"));
        invite.setId("task-invite-closure");
        invite.addThemeVariants(ButtonVariant.LUMO_SMALL);
        invite.addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("task.closure.invite"),
                    getTranslation("task.closure.confirm", task.number(), task.title()),
                    getTranslation("task.closure.invite"), ok -> {
                        if (ReviewNotices.attempt(this, () -> steps.inviteClosure(task.taskId()))) {
                            ReviewNotices.success(getTranslation("task.closure.invited"));
                            invite.setVisible(false);
                        }
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("admin.action.cancel"));
            confirm.open();
        });
        return invite;
    }

    /** The office adds or takes off units (DESIGN §2 "assign tasks"); the service checks the role and the reason. */
    private void changeUnits(TaskDetail task) {
        Dialog dialog = new Dialog();
        dialog.setId("task-units-dialog");
        dialog.setHeaderTitle(getTranslation("task.units.change"));
        TextField reason = new TextField(getTranslation("task.units.reason"));
        reason.setId("task-units-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        VerticalLayout current = new VerticalLayout();
        current.setPadding(false);
        current.setSpacing(false);
        for (UnitLine unit : task.units()) {
            Span line = new Span(getTranslation("task.units." + unit.role().name()) + "：" + unit.name());
            HorizontalLayout row = new HorizontalLayout(line);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            if (unit.role() != AssignmentRole.PRIMARY_LEAD) {
                Button remove = new Button(getTranslation("task.units.remove"), e -> {
                    if (ReviewNotices.attempt(this, () -> taskUnits.remove(task.taskId(), unit.code(),
                            reason.getValue()))) {
                        dialog.close();
                        reload();
                    }
                });
                remove.setId("task-units-remove-" + unit.code());
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR,
                        ButtonVariant.LUMO_TERTIARY);
                row.add(remove);
            }
            current.add(row);
        }
        ComboBox<TaskUnitsService.UnitChoice> unit = new ComboBox<>(getTranslation("task.units.add"));
        unit.setId("task-units-add-unit");
        unit.setItems(taskUnits.addable(task.taskId()));
        unit.setItemLabelGenerator(TaskUnitsService.UnitChoice::name);
        Select<AssignmentRole> role = new Select<>();
        role.setId("task-units-add-role");
        role.setLabel(getTranslation("task.units.role"));
        role.setItems(AssignmentRole.PARTICIPANT, AssignmentRole.LEAD);
        role.setItemLabelGenerator(r -> getTranslation("task.units." + r.name()));
        role.setValue(AssignmentRole.PARTICIPANT);
        Button add = new Button(getTranslation("task.units.addButton"), e -> {
            if (unit.getValue() == null) {
                unit.setInvalid(true);
                return;
            }
            if (ReviewNotices.attempt(this, () -> taskUnits.add(task.taskId(), unit.getValue().code(),
                    role.getValue(), reason.getValue()))) {
                dialog.close();
                reload();
            }
        });
        add.setId("task-units-add");
        HorizontalLayout adding = new HorizontalLayout(unit, role, add);
        adding.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        dialog.add(new VerticalLayout(new Paragraph(getTranslation("task.units.hint")), reason, current, adding));
        dialog.getFooter().add(new Button(getTranslation("admin.action.cancel"), e -> dialog.close()));
        add(dialog);
        dialog.open();
    }

    private void reload() {
        show(shownPlanId, shownNumber);
        ReviewNotices.success(getTranslation("task.units.changed"));
    }

    private Component units(List<UnitLine> units) {
        VerticalLayout box = new VerticalLayout();
        box.setId("task-units");
        box.setPadding(false);
        box.setSpacing(false);
        for (AssignmentRole role : AssignmentRole.values()) {
            String names = units.stream().filter(u -> u.role() == role).map(UnitLine::name)
                    .collect(Collectors.joining("、"));
            if (!names.isEmpty()) {
                box.add(new Span(getTranslation("task.units." + role.name()) + "：" + names));
            }
        }
        if (units.isEmpty()) {
            box.add(new Span(getTranslation("task.units.office")));
        }
        return box;
    }

    private Component indicators(List<IndicatorProgress> lines) {
        Grid<IndicatorProgress> grid = new Grid<>();
        grid.setId("task-indicators");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(IndicatorProgress::phrase).setHeader(getTranslation("review.indicator.phrase"))
                .setFlexGrow(3);
        grid.addColumn(i -> getTranslation("review.comparator." + i.comparator().name()) + " "
                + amount(i.target(), i.measureUnit())).setHeader(getTranslation("review.indicator.target"))
                .setAutoWidth(true);
        grid.addColumn(i -> amount(i.approvedActual(), i.measureUnit()))
                .setHeader(getTranslation("task.indicator.approved")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("task.indicator.units", i.reportingUnits()))
                .setHeader(getTranslation("task.indicator.reportingUnits")).setAutoWidth(true);
        grid.addComponentColumn(i -> {
            ProgressBar bar = new ProgressBar(0, 100, i.percent() == null ? 0 : Math.min(100, i.percent()));
            Span label = new Span(i.percent() == null ? "—" : i.percent() + "%");
            HorizontalLayout cell = new HorizontalLayout(bar, label);
            cell.setWidthFull();
            cell.setFlexGrow(1, bar);
            return cell;
        }).setHeader(getTranslation("task.indicator.progress")).setFlexGrow(2);
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("review.indicator.none"));
        return grid;
    }

    private static String amount(BigDecimal value, String measureUnit) {
        return value == null ? "—" : value.toPlainString() + Objects.toString(measureUnit, "");
    }

    private Component diagram(Diagram diagram) {
        Div canvas = new Div();
        canvas.setId("process-diagram");
        canvas.addClassName("duban-diagram");
        if (diagram == null) {
            Paragraph none = new Paragraph(getTranslation("task.diagram.none"));
            none.setId("process-diagram-none");
            return none;
        }
        UI ui = UI.getCurrent();
        ui.getPage().addStyleSheet("context://bpmn-js/assets/diagram-js.css");
        ui.getPage().addStyleSheet("context://bpmn-js/assets/bpmn-js.css");
        ui.getPage().addStyleSheet("context://bpmn-js/assets/bpmn-font/css/bpmn-embedded.css");
        ui.getPage().addStyleSheet("context://duban/process-diagram.css");
        ui.getPage().addJavaScript(BPMN_JS);
        ui.getPage().addJavaScript("context://duban/process-diagram.js");
        JsonArray active = Json.createArray();
        diagram.activeActivityIds().forEach(id -> active.set(active.length(), id));
        canvas.getElement().setAttribute("data-process-instance", diagram.processInstanceId());
        canvas.getElement().executeJs("""
                const el = this, xml = $0, ids = $1;
                const go = (n) => window.DubanProcessDiagram ? window.DubanProcessDiagram.show(el, xml, ids)
                    : (n < 100 ? setTimeout(() => go(n + 1), 100) : el.setAttribute('data-error', 'not loaded'));
                go(0);""", diagram.bpmnXml(), active);
        Span current = new Span(diagram.activeActivityIds().isEmpty() ? getTranslation("task.diagram.finished")
                : getTranslation("task.diagram.active", String.join("、", diagram.activeActivityNames())));
        current.setId("process-active");
        VerticalLayout box = new VerticalLayout(canvas, current);
        box.setPadding(false);
        return box;
    }

    private Component timeline(TaskDetail task) {
        Grid<TimelineEntry> grid = new Grid<>();
        grid.setId("task-timeline");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> e.at() == null ? "" : TIME.format(e.at())).setHeader(getTranslation("task.timeline.at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::what).setHeader(getTranslation("task.timeline.what")).setFlexGrow(2);
        grid.addColumn(e -> Objects.toString(e.unitName(), "")).setHeader(getTranslation("review.field.unit"))
                .setAutoWidth(true);
        grid.addColumn(e -> Objects.toString(e.periodCode(), "")).setHeader(getTranslation("review.field.period"))
                .setAutoWidth(true);
        grid.addColumn(e -> Objects.toString(e.actor(), "")).setHeader(getTranslation("task.timeline.actor"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.kind() == EntryKind.STEP ? StepNames.of(this, e.code(), e.text())
                : Objects.toString(e.text(), "")).setHeader(getTranslation("task.timeline.text"))
                .setFlexGrow(3);
        grid.setItems(task.timeline());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("task.timeline.empty"));
        return grid;
    }

    private String what(TimelineEntry entry) {
        return switch (entry.kind()) {
            case SUBMITTED -> getTranslation("task.timeline.submitted", entry.code());
            case DECISION -> ReviewNotices.translationOr(this, "task.timeline.decision." + entry.code(),
                    entry.code());
            case URGE -> getTranslation("task.timeline.urge");
            case ESCALATION -> getTranslation("task.timeline.escalation",
                    ReviewNotices.translationOr(this, "task.level." + entry.code(), entry.code()));
            case STEP -> getTranslation("task.timeline.step");
        };
    }

    @Override
    public String getPageTitle() {
        return (title == null ? getTranslation("task.title") : title) + " · " + getTranslation("app.name");
    }
}
