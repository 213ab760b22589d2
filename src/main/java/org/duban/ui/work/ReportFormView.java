package org.duban.ui.work;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.duban.inbox.AttachmentService;
import org.duban.inbox.ReportScreen;
import org.duban.inbox.ReportScreenService;
import org.duban.reporting.ReportService;
import org.duban.review.ReviewService;
import org.duban.workflow.forms.FormField;
import org.duban.workflow.forms.FormValidationException;

/**
 * 填报: one unit's progress report on one task for one cycle, rendered from the Camunda Form deployed with its process.
 * The clerk saves drafts, attaches files, submits, and withdraws while nobody has started on it; the unit leader signs
 * off here; everyone else who may see the report reads it. Earlier values and the reviewer's comments sit on the
 * fields. Leaving with unsaved changes asks first.
 */
@Route("report/:" + ReportFormView.REPORT_ID)
@PermitAll
public class ReportFormView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver,
        HasDynamicTitle {

    public static final String REPORT_ID = "reportId";

    private final transient ReportScreenService screens;
    private final transient ReportService reportService;
    private final transient ReviewService reviewService;
    private final transient AttachmentService attachmentService;
    private ReportScreen screen;
    private RenderedForm form;

    public ReportFormView(ReportScreenService screens, ReportService reportService, ReviewService reviewService,
            AttachmentService attachmentService) {
        this.screens = screens;
        this.reportService = reportService;
        this.reviewService = reviewService;
        this.attachmentService = attachmentService;
        setId("report-view");
        setMaxWidth("1100px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(REPORT_ID).orElse("");
        try {
            load(Long.valueOf(id));
        } catch (NumberFormatException e) {
            refuse(getTranslation("work.report.notFound", id));
        } catch (RuntimeException e) {
            refuse(e.getMessage());
        }
    }

    private void load(Long reportId) {
        screen = screens.open(reportId);
        removeAll();
        add(header());
        if (screen.returnReason() != null) {
            add(returnBox());
        }
        form = new RenderedForm(screen.schema(), screen.values(), new RenderedForm.Options(!screen.editable(),
                screen.previousCycleCode(), screen.hasPrevious() ? screen.previousValues() : Map.of(),
                screen.fieldComments(), this::attachments), this::getTranslation);
        add(form, actions());
    }

    private void refuse(String message) {
        screen = null;
        form = null;
        removeAll();
        Paragraph denied = new Paragraph(message);
        denied.setId("report-denied");
        add(new H2(getTranslation("work.report.title")), denied, backButton());
    }

    private Component header() {
        H2 title = new H2(screen.taskCode() + " " + screen.taskTitle());
        title.setId("report-title");
        HorizontalLayout facts = new HorizontalLayout();
        facts.setId("report-facts");
        facts.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        facts.getStyle().set("flex-wrap", "wrap");
        facts.add(new Span(getTranslation("work.report.unit", screen.unitName())),
                new Span(getTranslation("work.report.cycle", screen.cycleCode())),
                new Span(getTranslation("work.report.due", String.valueOf(screen.dueOn()))),
                Badges.of(getTranslation("work.status." + screen.status().name()), Badges.Tone.NEUTRAL));
        if (screen.returnCount() > 0) {
            facts.add(Badges.of(getTranslation("work.report.returns", screen.returnCount()), Badges.Tone.CONTRAST));
        }
        if (screen.hasPrevious()) {
            facts.add(new Span(getTranslation("work.report.previousShown", screen.previousCycleCode())));
        }
        return new Div(title, facts);
    }

    private Component returnBox() {
        Div box = new Div();
        box.setId("return-reason");
        box.getStyle().set("border-left", "4px solid var(--lumo-error-color)")
                .set("background", "var(--lumo-error-color-10pct)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        box.add(new H4(getTranslation("work.report.returnedBy", screen.returnedBy())), new Paragraph(
                screen.returnReason()));
        screen.fieldComments().entrySet()
                .forEach(c -> box.add(new Paragraph(getTranslation("work.report.fieldComment", c.getKey(),
                        c.getValue()))));
        return box;
    }

    private Component attachments(FormField field) {
        Long reportId = screen.reportId();
        boolean editable = screen.editable();
        return new AttachmentPanel("attachments", new AttachmentPanel.Operations(
                () -> attachmentService.list(reportId).stream().map(f -> new AttachmentPanel.Entry(f, editable))
                        .toList(),
                attachmentService::content,
                editable ? (name, type, bytes) -> attachmentService.upload(reportId, name, type, bytes) : null,
                editable ? attachmentService::delete : null), attachmentService.rules());
    }

    private Component actions() {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("report-actions");
        actions.getStyle().set("flex-wrap", "wrap");
        if (screen.editable()) {
            Button save = new Button(getTranslation("work.action.saveDraft"), e -> saveDraft());
            save.setId("save-draft");
            Button submit = new Button(getTranslation("work.action.submit"), e -> submit());
            submit.setId("submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(save, submit);
        }
        if (screen.withdrawable()) {
            Button withdraw = new Button(getTranslation("work.action.withdraw"), e -> confirmWithdraw());
            withdraw.setId("withdraw");
            actions.add(withdraw);
        }
        if (screen.signOffAllowed()) {
            actions.add(signOffBox());
        }
        if (!screen.editable() && !screen.withdrawable() && !screen.signOffAllowed()) {
            Span readOnly = new Span(getTranslation("work.report.readOnly"));
            readOnly.setId("read-only-note");
            actions.add(readOnly);
        }
        actions.add(backButton());
        return actions;
    }

    private Component signOffBox() {
        TextArea comment = new TextArea(getTranslation("work.signOff.comment"));
        comment.setId("sign-off-comment");
        comment.setWidth("24em");
        comment.setMaxLength(1000);
        Button approve = new Button(getTranslation("work.signOff.approve"), e -> signOff(true, comment.getValue()));
        approve.setId("sign-off-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button sendBack = new Button(getTranslation("work.signOff.return"), e -> signOff(false, comment.getValue()));
        sendBack.setId("sign-off-return");
        sendBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout box = new HorizontalLayout(comment, approve, sendBack);
        box.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return box;
    }

    private Button backButton() {
        Button back = new Button(getTranslation("work.action.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(InboxView.class)));
        back.setId("back-to-inbox");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    private void saveDraft() {
        if (!form.validate(true).isEmpty()) {
            error(getTranslation("work.notice.fixErrors"));
            return;
        }
        if (attempt(() -> reportService.saveDraft(screen.reportId(), form.values()))) {
            form.markClean();
            Notification.show(getTranslation("work.notice.draftSaved"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            load(screen.reportId());
        }
    }

    private void submit() {
        if (!form.validate(false).isEmpty()) {
            error(getTranslation("work.notice.fixErrors"));
            return;
        }
        if (attempt(() -> reportService.submit(screen.fillTaskId(), form.values()))) {
            form.markClean();
            Notification.show(getTranslation("work.notice.submitted"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changedAndBackToInbox();
        }
    }

    private void confirmWithdraw() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("work.withdraw.title"),
                getTranslation("work.withdraw.text"), getTranslation("work.action.withdraw"), e -> {
                    if (attempt(() -> reportService.withdraw(screen.reportId(), null))) {
                        Notification.show(getTranslation("work.notice.withdrawn"));
                        load(screen.reportId());
                        getUI().ifPresent(InboxChanged::fireOn);
                    }
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("work.action.cancel"));
        dialog.open();
    }

    private void signOff(boolean approve, String comment) {
        if (attempt(() -> reviewService.signOff(screen.signOffTaskId(), approve,
                comment == null || comment.isBlank() ? null : comment))) {
            Notification.show(getTranslation(approve ? "work.notice.signedOff" : "work.notice.returned"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changedAndBackToInbox();
        }
    }

    private void changedAndBackToInbox() {
        getUI().ifPresent(ui -> {
            InboxChanged.fireOn(ui);
            ui.navigate(InboxView.class);
        });
    }

    /** Runs a service call; shows validation errors on their fields and anything else as a message. */
    private boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (FormValidationException e) {
            form.showErrors(e.errors());
            error(getTranslation("work.notice.fixErrors"));
        } catch (RuntimeException e) {
            error(e.getMessage());
        }
        return false;
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        LeaveGuard.ask(this, event, form, "work.leave.text");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("work.report.title") + " · " + getTranslation("app.name");
    }
}
