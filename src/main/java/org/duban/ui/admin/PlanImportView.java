package org.duban.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.duban.catalog.ImportReport;
import org.duban.catalog.PlanChange;
import org.duban.catalog.PlanDraft;
import org.duban.catalog.PlanImportException;
import org.duban.catalog.PlanImportPreviewService;
import org.duban.catalog.PlanUpdateReport;
import org.duban.catalog.ReportFrequency;
import org.duban.catalog.ReportingSettings;
import org.duban.catalog.parse.ParsedSection;
import org.duban.catalog.parse.ParsedTask;

/**
 * Plan import: upload a .txt or .docx key-task list, check the parsed catalog (sections, tasks, units, indicators,
 * the parser's warnings), settle open tokens such as 有关县区政府, correct indicators, set the reporting calendar and
 * confirm. A plan imported before shows its differences instead, each to accept or leave. The draft lives in this
 * view; nothing is stored before confirming.
 */
@Route("admin/plans/import")
@Menu(order = 104, title = "imports.menu")
@RolesAllowed("ADMIN")
public class PlanImportView extends VerticalLayout implements HasDynamicTitle {

    private final transient PlanImportPreviewService imports;
    private transient PlanDraft draft;

    private final Upload upload = new Upload();
    private final Div summary = new Div();
    private final UnorderedList warnings = new UnorderedList();
    private final Grid<ParsedTask> taskGrid = new Grid<>();
    private final Grid<PlanChange> changeGrid = new Grid<>();
    private final Select<ReportFrequency> frequency = new Select<>();
    private final IntegerField dueDay = new IntegerField();
    private final Select<Integer> firstPeriod = new Select<>();
    private final Button confirm = new Button();
    private final Button apply = new Button();
    private final VerticalLayout preview = new VerticalLayout();
    private final Map<Integer, ParsedSection> sectionOfTask = new HashMap<>();

    public PlanImportView(PlanImportPreviewService imports) {
        this.imports = imports;
        setSizeFull();
        configureUpload();
        configureTaskGrid();
        configureChangeGrid();
        configureCalendar();
        summary.setId("plan-import-summary");
        warnings.setId("plan-import-warnings");
        preview.setPadding(false);
        preview.setVisible(false);
        add(AdminLayouts.title(getTranslation("imports.title")), new Paragraph(getTranslation("imports.intro")),
                upload, preview);
    }

    private void configureUpload() {
        UI ui = UI.getCurrent();
        upload.setId("plan-import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(PlanImportPreviewService.MAX_BYTES);
        upload.setAcceptedFileTypes(PlanImportPreviewService.ACCEPTED_TYPES.toArray(String[]::new));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> ui.access(() -> {
            upload.clearFileList();
            changeGrid.deselectAll();
            attempt(() -> imports.preview(metadata.fileName(), data));
        })));
        upload.addFileRejectedListener(e -> error(getTranslation("imports.error.rejected", e.getFileName(),
                PlanImportPreviewService.MAX_BYTES / 1024 / 1024)));
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("imports.upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("imports.upload.drop")));
        upload.setI18n(i18n);
    }

    private void configureTaskGrid() {
        taskGrid.setId("plan-import-tasks");
        taskGrid.setHeight("24rem");
        taskGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        taskGrid.addColumn(ParsedTask::number).setHeader(getTranslation("imports.col.number")).setAutoWidth(true)
                .setFlexGrow(0);
        taskGrid.addColumn(t -> sectionLabel(sectionOfTask.get(t.number())))
                .setHeader(getTranslation("imports.col.section")).setWidth("8em").setFlexGrow(0);
        taskGrid.addColumn(ParsedTask::title).setHeader(getTranslation("imports.col.title")).setFlexGrow(2);
        taskGrid.addColumn(t -> String.join("、", t.leadUnits())).setHeader(getTranslation("imports.col.leads"))
                .setFlexGrow(1);
        taskGrid.addColumn(t -> String.join("、", t.participatingUnits()))
                .setHeader(getTranslation("imports.col.participants")).setFlexGrow(2);
        taskGrid.addColumn(t -> t.indicators().stream()
                .map(i -> i.value().stripTrailingZeros().toPlainString() + i.unit() + " ("
                        + getTranslation("imports.comparator." + i.comparator()) + ")")
                .collect(Collectors.joining("；"))).setHeader(getTranslation("imports.col.indicators")).setFlexGrow(1);
        taskGrid.addComponentColumn(this::taskActions).setHeader(getTranslation("imports.col.open"))
                .setAutoWidth(true).setFlexGrow(0);
        taskGrid.setEmptyStateText(getTranslation("imports.noTasks"));
    }

    private Component taskActions(ParsedTask task) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        for (String token : task.unresolved()) {
            Button settle = new Button(getTranslation("imports.action.settle", token), VaadinIcon.USERS.create(),
                    e -> new PlanImportSettleDialog(task, token, imports.settleableUnits(token),
                            codes -> attempt(() -> imports.settle(draft, task.number(), token, codes))).open());
            settle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(settle);
        }
        if (!task.indicators().isEmpty()) {
            Button correct = new Button(VaadinIcon.EDIT.create(), e -> new PlanImportIndicatorDialog(task,
                    (position, value, unit, comparator) -> attempt(() -> imports.correctIndicator(draft,
                            task.number(), position, value, unit, comparator))).open());
            correct.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            correct.setTooltipText(getTranslation("imports.action.correct"));
            correct.setAriaLabel(getTranslation("imports.action.correct"));
            actions.add(correct);
        }
        return actions;
    }

    private void configureChangeGrid() {
        changeGrid.setId("plan-import-changes");
        changeGrid.setHeight("20rem");
        changeGrid.setSelectionMode(Grid.SelectionMode.MULTI);
        changeGrid.setItemSelectableProvider(PlanChange::applicable);
        changeGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        changeGrid.addColumn(c -> c.taskNumber() == 0 ? "" : String.valueOf(c.taskNumber()))
                .setHeader(getTranslation("imports.col.number"))
                .setAutoWidth(true).setFlexGrow(0);
        changeGrid.addColumn(c -> getTranslation("imports.change." + c.kind(), c.subject()))
                .setHeader(getTranslation("imports.col.change")).setFlexGrow(1);
        changeGrid.addColumn(c -> show(c.before())).setHeader(getTranslation("imports.col.before")).setFlexGrow(2);
        changeGrid.addColumn(c -> show(c.after())).setHeader(getTranslation("imports.col.after")).setFlexGrow(2);
        changeGrid.addColumn(c -> c.applicable() ? "" : c.blocked()).setHeader(getTranslation("imports.col.blocked"))
                .setFlexGrow(1);
        changeGrid.setEmptyStateText(getTranslation("imports.noChanges"));
    }

    private void configureCalendar() {
        frequency.setLabel(getTranslation("imports.field.frequency"));
        frequency.setItems(ReportFrequency.values());
        frequency.setItemLabelGenerator(f -> getTranslation("imports.frequency." + f));
        frequency.addValueChangeListener(e -> periodsFor(e.getValue()));
        dueDay.setLabel(getTranslation("imports.field.dueDay"));
        dueDay.setMin(1);
        dueDay.setMax(31);
        dueDay.setStepButtonsVisible(true);
        dueDay.setWidth("9em");
        firstPeriod.setLabel(getTranslation("imports.field.firstPeriod"));
        confirm.setText(getTranslation("imports.action.confirm"));
        confirm.setId("plan-import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> confirm());
        apply.setText(getTranslation("imports.action.apply"));
        apply.setId("plan-import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> applySelected());
    }

    private void periodsFor(ReportFrequency value) {
        if (value == null) {
            return;
        }
        Integer previous = firstPeriod.getValue();
        int periods = new ReportingSettings(value, 1, 1).periods();
        firstPeriod.setItems(IntStream.rangeClosed(1, periods).boxed().toList());
        firstPeriod.setItemLabelGenerator(p -> getTranslation("imports.period." + value, p));
        firstPeriod.setValue(previous != null && previous <= periods ? previous : 1);
    }

    /** Runs one service step on the draft; a refusal is shown and the draft stays as it was. */
    private void attempt(Supplier<PlanDraft> step) {
        try {
            draft = step.get();
            show();
        } catch (PlanImportException e) {
            error(message(e));
        }
    }

    private void show() {
        sectionOfTask.clear();
        draft.getPlan().sections().forEach(s -> s.tasks().forEach(t -> sectionOfTask.put(t.number(), s)));
        int taskCount = sectionOfTask.size();
        summary.setText(getTranslation(draft.isReimport() ? "imports.summary.reimport" : "imports.summary.new",
                draft.getPlan().title(), draft.getDocumentNumber(), draft.getYear(), draft.getPlan().sections().size(),
                taskCount, draft.tasksWithOpenTokens().size(), draft.getFileName()));
        warnings.removeAll();
        draft.getPlan().warnings().forEach(w -> warnings.add(new ListItem(w)));
        taskGrid.setItems(draft.getPlan().allTasks());
        preview.removeAll();
        preview.add(summary, new H3(getTranslation("imports.warnings", draft.getPlan().warnings().size())), warnings,
                new H3(getTranslation("imports.tasks")), taskGrid);
        if (draft.isReimport()) {
            // nothing is ticked for the admin; ticks survive a settlement or correction that recomputes the list
            Set<String> ticked = changeGrid.getSelectedItems().stream().map(PlanChange::id)
                    .collect(Collectors.toSet());
            changeGrid.setItems(draft.getChanges());
            changeGrid.asMultiSelect().select(draft.getChanges().stream()
                    .filter(c -> c.applicable() && ticked.contains(c.id())).toList());
            preview.add(new H3(getTranslation("imports.changes", draft.getChanges().size())),
                    new Paragraph(getTranslation("imports.changesHelp")), changeGrid, apply);
        } else {
            ReportingSettings settings = draft.getSettings();
            frequency.setValue(settings.frequency());
            periodsFor(settings.frequency());
            firstPeriod.setValue(settings.firstPeriod());
            dueDay.setValue(settings.dueDay());
            HorizontalLayout calendar = new HorizontalLayout(frequency, dueDay, firstPeriod, confirm);
            calendar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            preview.add(new H3(getTranslation("imports.calendar")), calendar);
        }
        preview.setVisible(true);
    }

    private void confirm() {
        try {
            imports.setCalendar(draft, new ReportingSettings(frequency.getValue(),
                    dueDay.getValue() == null ? 0 : dueDay.getValue(),
                    firstPeriod.getValue() == null ? 0 : firstPeriod.getValue()));
            ImportReport report = imports.confirm(draft);
            success(getTranslation("imports.created", report.documentNumber(), report.year(), report.taskCount()));
            reset();
        } catch (PlanImportException e) {
            error(message(e));
        }
    }

    private void applySelected() {
        try {
            PlanUpdateReport report = imports.applyChanges(draft, changeGrid.getSelectedItems().stream()
                    .map(PlanChange::id).collect(Collectors.toSet()));
            success(getTranslation("imports.applied", report.documentNumber(), report.applied().size(),
                    report.notApplied().size()));
            reset();
        } catch (PlanImportException e) {
            error(message(e));
        }
    }

    private void reset() {
        draft = null;
        changeGrid.deselectAll();
        preview.removeAll();
        preview.setVisible(false);
    }

    private String message(PlanImportException e) {
        String text = getTranslation("imports.error." + e.getCode(), e.getArgs().toArray());
        return text.startsWith("!") ? e.getMessage() : text;
    }

    private static String sectionLabel(ParsedSection section) {
        return section == null || section.label().isEmpty() ? "" : section.label() + "、" + section.title();
    }

    private static String show(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 120 ? value : value.substring(0, 117) + "…";
    }

    private static void success(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String text) {
        Notification.show(text, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("imports.title") + " · " + getTranslation("app.name");
    }
}
