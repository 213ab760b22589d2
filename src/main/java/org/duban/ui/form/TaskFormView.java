package org.duban.ui.form;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.duban.inbox.TaskForm;
import org.duban.inbox.ClosureEvidenceService;
import org.duban.inbox.TaskFormService;
import org.duban.supervision.WorkPlanSheet;
import org.duban.ui.StepNames;
import org.duban.ui.work.AttachmentPanel;
import org.duban.ui.review.ReviewNotices;
import org.duban.ui.work.InboxChanged;
import org.duban.ui.work.InboxView;
import org.duban.ui.work.LeaveGuard;
import org.duban.ui.work.RenderedForm;
import org.duban.workflow.forms.FormField;
import org.duban.workflow.forms.FormValidationException;

/**
 * The form of any open step that is not a unit's progress report (assignment, work plan, cycle report, closure,
 * coordination, supervision case): the key task and the facts the step decides on, the step's Camunda Form rendered
 * by {@link RenderedForm}, and one button that completes the step through its feature service. Only the step's
 * assignee or a member of its candidate groups gets the form; leaving with unsaved input asks first.
 */
@Route("task/:" + TaskFormView.TASK_ID + "/form")
@PermitAll
public class TaskFormView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver,
        HasDynamicTitle {

    public static final String TASK_ID = "taskId";

    private final transient TaskFormService service;
    private final transient ClosureEvidenceService evidence;
    private TaskForm screen;
    private RenderedForm form;
    private WorkPlanSharesEditor sharesEditor;
    private String title;

    public TaskFormView(TaskFormService service, ClosureEvidenceService evidence) {
        this.service = service;
        this.evidence = evidence;
        setId("task-form-view");
        setMaxWidth("1100px");
    }

    /** Where the inbox sends a step of this kind. */
    public static String route(String taskId) {
        return "task/" + taskId + "/form";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String taskId = event.getRouteParameters().get(TASK_ID).orElse("");
        try {
            load(taskId);
        } catch (RuntimeException e) {
            refuse(ReviewNotices.inLanguageOf(this, e.getMessage()));
        }
    }

    private void load(String taskId) {
        screen = service.open(taskId);
        title = stepName();
        removeAll();
        add(header(), facts());
        if ("reviewClosure".equals(screen.activityId())) {
            add(new H4(getTranslation("work.taskForm.evidenceFiles")), closureEvidence(false));
        }
        form = new RenderedForm(screen.schema(), screen.values(), new RenderedForm.Options(false, null, Map.of(),
                Map.of(), this::fileField), this::getTranslation);
        form.setId("task-form");
        add(form);
        sharesEditor = null;
        if ("draftWorkPlan".equals(screen.activityId())) {
            WorkPlanSheet sheet = service.workPlanSheet(taskId);
            if (!sheet.indicators().isEmpty() || sheet.leads().size() > 1) {
                sharesEditor = new WorkPlanSharesEditor(sheet);
                add(sharesEditor);
            }
        }
        add(actions());
    }

    private String stepName() {
        return StepNames.of(this, screen.activityId(), screen.stepName());
    }

    private void refuse(String message) {
        screen = null;
        form = null;
        title = getTranslation("work.taskForm.title");
        removeAll();
        Paragraph denied = new Paragraph(message);
        denied.setId("task-form-denied");
        add(new H2(title), denied, backButton());
    }

    private Component header() {
        H2 heading = new H2(stepName());
        heading.setId("task-form-title");
        HorizontalLayout line = new HorizontalLayout();
        line.setId("task-form-facts-line");
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        line.getStyle().set("flex-wrap", "wrap");
        if (screen.taskCode() != null) {
            line.add(new Span(getTranslation("work.taskForm.keyTask", screen.taskCode(), screen.taskTitle())));
        }
        if (screen.businessKey() != null) {
            line.add(new Span(getTranslation("work.taskForm.businessKey", screen.businessKey())));
        }
        if (screen.dueOn() != null) {
            line.add(new Span(getTranslation("work.report.due", String.valueOf(screen.dueOn()))));
        }
        if (screen.taskNumber() != null) {
            line.add(new RouterLink(getTranslation("work.taskForm.detail"),
                    org.duban.ui.task.TaskDetailView.class,
                    new com.vaadin.flow.router.RouteParameters("number", String.valueOf(screen.taskNumber()))));
        }
        return new Div(heading, line);
    }

    private Component facts() {
        VerticalLayout box = new VerticalLayout();
        box.setId("task-form-facts");
        box.setPadding(false);
        box.setSpacing(false);
        for (TaskForm.Fact fact : screen.facts()) {
            Span label = new Span(getTranslation(fact.labelKey()));
            label.getStyle().set("font-weight", "600").set("color", "var(--lumo-secondary-text-color)");
            Paragraph text = new Paragraph(fact.text() == null ? "—" : fact.text());
            text.getStyle().set("white-space", "pre-line").set("margin-top", "0");
            box.add(label, text);
        }
        box.setVisible(!screen.facts().isEmpty());
        return box;
    }

    /**
     * A file field: the closure application keeps its evidence files; the other steps' services keep none, so say so
     * instead of offering an upload that goes nowhere.
     */
    private Component fileField(FormField field) {
        if ("applyForClosure".equals(screen.activityId())) {
            return closureEvidence(true);
        }
        return noFileStore();
    }

    /** The closure evidence: removable while pending on the application step, read-only on the review. */
    private Component closureEvidence(boolean applying) {
        String taskId = screen.taskId();
        return new AttachmentPanel("closure-evidence", new AttachmentPanel.Operations(
                () -> evidence.files(taskId).stream().map(f -> new AttachmentPanel.Entry(f.file(),
                        applying && f.pending())).toList(),
                evidence::content,
                applying ? (name, type, bytes) -> evidence.upload(taskId, name, type, bytes) : null,
                applying ? id -> evidence.delete(taskId, id) : null), evidence.rules());
    }

    private Component noFileStore() {
        Span note = new Span(getTranslation("work.taskForm.noFiles"));
        note.setId("task-form-no-files");
        return note;
    }

    private Component actions() {
        Button complete = new Button(getTranslation("work.taskForm.complete"), VaadinIcon.CHECK.create(),
                e -> complete());
        complete.setId("task-form-complete");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(complete);
        if (!screen.draftable()) {
            Span noDraft = new Span(getTranslation("work.taskForm.noDraft"));
            noDraft.setId("task-form-no-draft");
            noDraft.getStyle().set("color", "var(--lumo-secondary-text-color)");
            actions.add(noDraft);
        }
        actions.add(backButton());
        actions.setId("task-form-actions");
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        return actions;
    }

    private Button backButton() {
        Button back = new Button(getTranslation("work.action.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(InboxView.class)));
        back.setId("back-to-inbox");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    private void complete() {
        if (!form.validate(false).isEmpty()) {
            error(getTranslation("work.notice.fixErrors"));
            return;
        }
        try {
            Map<String, Object> values = new java.util.LinkedHashMap<>(form.values());
            if (sharesEditor != null) {
                values.putAll(sharesEditor.values());
            }
            service.complete(screen.taskId(), values);
        } catch (FormValidationException e) {
            form.showErrors(e.errors());
            error(getTranslation("work.notice.fixErrors"));
            return;
        } catch (RuntimeException e) {
            // the owning service's refusals (a reason missing, the step taken meanwhile) in the user's language
            error(ReviewNotices.inLanguageOf(this, e.getMessage()));
            return;
        }
        form.markClean();
        sharesEditor = null;
        Notification.show(getTranslation("work.taskForm.completed", stepName()))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> {
            InboxChanged.fireOn(ui);
            ui.navigate(InboxView.class);
        });
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        LeaveGuard.ask(this, event, form, "work.taskForm.leave.text",
                () -> sharesEditor != null && sharesEditor.isChanged());
    }

    @Override
    public String getPageTitle() {
        return (title == null ? getTranslation("work.taskForm.title") : title) + " · " + getTranslation("app.name");
    }
}
