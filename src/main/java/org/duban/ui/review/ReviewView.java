package org.duban.ui.review;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.duban.inbox.WithdrawalService;
import org.duban.reporting.ReportForm;
import org.duban.review.ReviewQueries;
import org.duban.review.ReviewQueries.Colleague;
import org.duban.review.ReviewQueries.CoReviewLine;
import org.duban.review.ReviewQueries.DecisionLine;
import org.duban.review.ReviewQueries.FieldChange;
import org.duban.review.ReviewQueries.IndicatorLine;
import org.duban.review.ReviewQueries.ReportView;
import org.duban.review.ReviewQueries.ReviewScreen;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.CopyTarget;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.workflow.TaskOperations;

/**
 * One review task: the report beside the same unit's previous-cycle report, the indicator targets with this and last
 * cycle's actuals, what changed since the returned version, the decisions and co-reviewers' opinions so far; then
 * approve, or return with a required reason and comments on the fields to fix, with copies (抄送) if wanted. Transfer
 * (转办), delegate (委派) and add a co-reviewer (加签) sit beside the decision. A co-reviewer opening the sub-task gets
 * the same report with a box for the opinion. Every action is checked again by the services.
 */
@Route("review/:taskId")
@RolesAllowed({"REVIEWER", "UNIT_LEADER"})
public class ReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String TASK_ID = "taskId";
    private static final List<String> REPORT_FIELDS = List.of(ReportForm.NARRATIVE, ReportForm.PERCENT_DONE,
            ReportForm.PROBLEMS, ReportForm.NEXT_STEPS, ReportForm.NEEDS_COORDINATION);

    private final transient ReviewQueries queries;
    private final transient ReviewService reviews;
    private final transient TaskOperations operations;
    private final transient WithdrawalService withdrawals;
    private final Map<String, TextField> fieldComments = new LinkedHashMap<>();
    private ReviewScreen screen;
    private String title;

    public ReviewView(ReviewQueries queries, ReviewService reviews, TaskOperations operations,
            WithdrawalService withdrawals) {
        this.queries = queries;
        this.reviews = reviews;
        this.operations = operations;
        this.withdrawals = withdrawals;
        setWidthFull();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addStyleSheet("context://duban/review.css");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String taskId = event.getRouteParameters().get(TASK_ID).orElse("");
        removeAll();
        fieldComments.clear();
        title = getTranslation("review.title");
        var withdrawn = screenOrWithdrawal(taskId);
        if (withdrawn.isPresent()) {
            add(new H2(title), withdrawnNotice(withdrawn.get()),
                    new RouterLink(getTranslation("review.backToList"), ReviewListView.class));
            return;
        }
        if (screen == null) {
            Paragraph refused = new Paragraph(getTranslation("review.refused"));
            refused.setId("review-refused");
            add(new H2(title), refused, new RouterLink(getTranslation("review.backToList"), ReviewListView.class));
            return;
        }
        build();
    }

    /**
     * Opens the review; when the step is gone because the submitting clerk withdrew the report, says so instead of
     * showing a refusal (the list or a notification may still point here).
     */
    private java.util.Optional<WithdrawalService.Withdrawn> screenOrWithdrawal(String taskId) {
        java.util.Optional<WithdrawalService.Withdrawn> withdrawn = java.util.Optional.empty();
        try {
            withdrawn = withdrawals.withdrawnStep(taskId);
        } catch (RuntimeException e) {
            // not a withdrawn step this user may see: the normal path reports what is wrong
        }
        if (withdrawn.isPresent()) {
            screen = null;
            return withdrawn;
        }
        if (!ReviewNotices.attempt(this, () -> screen = queries.open(taskId))) {
            screen = null;
        }
        return java.util.Optional.empty();
    }

    private Component withdrawnNotice(WithdrawalService.Withdrawn withdrawn) {
        Div box = new Div(new Paragraph(getTranslation("review.withdrawn.text", withdrawn.taskCode(),
                withdrawn.taskTitle(), withdrawn.unitName(), withdrawn.cycleCode(), withdrawn.withdrawnBy(),
                ReviewListView.TIME.format(withdrawn.withdrawnAt()))), new Paragraph(getTranslation(
                        "review.withdrawn.next")));
        box.setId("review-withdrawn");
        box.addClassName("duban-banner");
        return box;
    }

    private boolean deciding() {
        return screen.mode() == ReviewQueries.Mode.REVIEW && screen.actionable() && !screen.delegatedToMe();
    }

    private void build() {
        ReportView current = screen.current();
        title = getTranslation("review.task.numbered", screen.taskNumber(), screen.taskTitle());
        H2 heading = new H2(title);
        heading.setId("review-heading");
        Span meta = new Span(getTranslation("review.meta", screen.unitName(), current.periodCode(),
                current.revision(), getTranslation("review.status." + current.status()), screen.reviewerUnitName()));
        meta.setId("review-meta");
        add(new RouterLink(getTranslation("review.backToList"), ReviewListView.class), heading, meta);
        if (screen.mode() == ReviewQueries.Mode.CO_REVIEW) {
            add(banner(getTranslation("review.coReview.banner")));
        } else if (screen.delegatedToMe()) {
            add(banner(getTranslation("review.delegated.banner")));
        } else if (!screen.actionable()) {
            add(banner(getTranslation("review.notYours", Objects.toString(screen.assignee(), ""))));
        }
        if (screen.mode() == ReviewQueries.Mode.REVIEW && screen.assignee() == null) {
            Span note = new Span(getTranslation("review.stillWithdrawable"));
            note.setId("review-still-withdrawable");
            note.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(note);
        }
        if (!screen.changes().isEmpty()) {
            add(changes());
        }
        FlexLayout side = new FlexLayout(reportCard(current, true), reportCard(screen.previous(), false));
        side.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        side.getStyle().set("gap", "var(--lumo-space-m)");
        side.setWidthFull();
        add(side, new H3(getTranslation("review.indicators")), indicators());
        if (!screen.decisions().isEmpty() || !screen.coReviews().isEmpty()) {
            add(history());
        }
        if (deciding()) {
            add(decision(), operationsPanel());
        } else if (screen.delegatedToMe()) {
            add(resolvePanel());
        } else if (screen.mode() == ReviewQueries.Mode.CO_REVIEW && screen.actionable()) {
            add(opinionPanel());
        }
    }

    private Component banner(String text) {
        Div banner = new Div(new Span(text));
        banner.setId("review-banner");
        banner.addClassName("duban-banner");
        return banner;
    }

    private Component changes() {
        Grid<FieldChange> grid = new Grid<>();
        grid.setId("review-changes");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(this::changeLabel).setHeader(getTranslation("review.changes.field")).setAutoWidth(true);
        grid.addColumn(c -> Objects.toString(c.before(), "—")).setHeader(getTranslation("review.changes.before"));
        grid.addColumn(c -> Objects.toString(c.after(), "—")).setHeader(getTranslation("review.changes.after"));
        grid.setItems(screen.changes());
        grid.setAllRowsVisible(true);
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("review.changes.title")), grid);
        box.setPadding(false);
        box.addClassName("duban-changes");
        return box;
    }

    private String changeLabel(FieldChange change) {
        String field = fieldLabel(change.field());
        return change.indicator() == null ? field : change.indicator() + " · " + field;
    }

    private String fieldLabel(String key) {
        return ReviewNotices.translationOr(this, "review.field." + key, key);
    }

    private Component reportCard(ReportView report, boolean current) {
        VerticalLayout card = new VerticalLayout();
        card.setId(current ? "review-current" : "review-previous");
        card.addClassName("duban-card");
        card.getStyle().set("flex", "1 1 24em").set("min-width", "18em");
        if (report == null) {
            card.add(new H3(getTranslation("review.previous.none.title")),
                    new Paragraph(getTranslation("review.previous.none")));
            return card;
        }
        card.add(new H3(current ? getTranslation("review.current.title", report.periodCode())
                : getTranslation("review.previous.title", report.periodCode(),
                        getTranslation("review.status." + report.status()))));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ReportForm.NARRATIVE, report.narrative());
        values.put(ReportForm.PERCENT_DONE, report.percentDone() == null ? null : report.percentDone() + "%");
        values.put(ReportForm.PROBLEMS, report.problems());
        values.put(ReportForm.NEXT_STEPS, report.nextSteps());
        values.put(ReportForm.NEEDS_COORDINATION, getTranslation(report.needsCoordination() ? "review.yes"
                : "review.no"));
        values.putAll(report.extraFields());
        values.forEach((key, value) -> {
            Div label = new Div(new Span(fieldLabel(key)));
            label.addClassName("duban-label");
            Div text = new Div(new Span(value == null || value.toString().isBlank() ? "—" : value.toString()));
            text.addClassName("duban-value");
            card.add(label, text);
            if (current && deciding() && (REPORT_FIELDS.contains(key) || report.extraFields().containsKey(key))) {
                card.add(commentField(key));
            }
        });
        return card;
    }

    private TextField commentField(String key) {
        return fieldComments.computeIfAbsent(key, this::newCommentField);
    }

    private TextField newCommentField(String key) {
        TextField comment = new TextField();
        comment.setId("comment-" + key);
        comment.setPlaceholder(getTranslation("review.comment.placeholder"));
        comment.setWidthFull();
        comment.addClassName("duban-comment");
        return comment;
    }

    private Component indicators() {
        Grid<IndicatorLine> grid = new Grid<>();
        grid.setId("review-indicators");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(IndicatorLine::phrase).setHeader(getTranslation("review.indicator.phrase")).setFlexGrow(3);
        grid.addColumn(i -> getTranslation("review.comparator." + i.comparator().name()) + " " + amount(i.target(),
                i.measureUnit())).setHeader(getTranslation("review.indicator.target")).setAutoWidth(true);
        grid.addColumn(i -> amount(i.actual(), i.measureUnit()))
                .setHeader(getTranslation("review.indicator.actual")).setAutoWidth(true);
        grid.addColumn(i -> amount(i.previousActual(), i.measureUnit()))
                .setHeader(getTranslation("review.indicator.previous")).setAutoWidth(true);
        grid.addColumn(i -> Objects.toString(i.note(), "")).setHeader(getTranslation("review.indicator.note"))
                .setFlexGrow(2);
        if (deciding()) {
            grid.addComponentColumn(i -> commentField(ReportForm.INDICATORS + "." + i.indicatorId()))
                    .setHeader(getTranslation("review.comment.column")).setFlexGrow(2);
        }
        grid.setItems(screen.indicators());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("review.indicator.none"));
        return grid;
    }

    private static String amount(BigDecimal value, String measureUnit) {
        return value == null ? "—" : value.toPlainString() + Objects.toString(measureUnit, "");
    }

    private Component history() {
        VerticalLayout list = new VerticalLayout();
        list.setId("review-history");
        list.setPadding(false);
        list.setSpacing(false);
        for (DecisionLine d : screen.decisions()) {
            String line = getTranslation("review.history.decision", ReviewListView.TIME.format(d.decidedAt()),
                    d.decidedBy(), getTranslation("review.stage." + d.stage().name()),
                    getTranslation("review.outcome." + d.outcome().name()), Objects.toString(d.reason(), ""));
            list.add(new Span(line));
            d.fieldComments().forEach((field, comment) -> list.add(new Span("　· "
                    + commentTarget(field) + "：" + comment)));
        }
        for (CoReviewLine c : screen.coReviews()) {
            list.add(new Span(getTranslation("review.history.coReview", c.coReviewer(), c.requestedBy(),
                    getTranslation("review.coReview.status." + c.status().name()),
                    Objects.toString(c.opinion(), ""))));
        }
        Details details = new Details(getTranslation("review.history.title"), list);
        details.setOpened(true);
        return details;
    }

    private String commentTarget(String field) {
        if (field.startsWith(ReportForm.INDICATORS + ".")) {
            String id = field.substring(ReportForm.INDICATORS.length() + 1);
            return screen.indicators().stream().filter(i -> String.valueOf(i.indicatorId()).equals(id))
                    .map(IndicatorLine::phrase).findFirst().orElse(field);
        }
        return fieldLabel(field);
    }

    private Component decision() {
        TextArea reason = new TextArea(getTranslation("review.reason"));
        reason.setId("review-reason");
        reason.setWidthFull();
        reason.setHelperText(getTranslation("review.reason.help"));
        RadioButtonGroup<ReviewOutcome> returnTo = new RadioButtonGroup<>(getTranslation("review.returnTo"));
        returnTo.setId("review-return-to");
        returnTo.setItems(screen.leaderSignoff() ? List.of(ReviewOutcome.RETURN_TO_CLERK,
                ReviewOutcome.RETURN_TO_LEADER) : List.of(ReviewOutcome.RETURN_TO_CLERK));
        returnTo.setItemLabelGenerator(o -> getTranslation("review.returnTo." + o.name()));
        returnTo.setValue(ReviewOutcome.RETURN_TO_CLERK);
        Checkbox copyLeader = new Checkbox(getTranslation("review.copy.UNIT_LEADER"));
        copyLeader.setId("review-copy-leader");
        Checkbox copyOffice = new Checkbox(getTranslation("review.copy.SUPERVISION_OFFICE"));
        copyOffice.setId("review-copy-office");

        Button approve = new Button(getTranslation("review.approve"), VaadinIcon.CHECK.create(),
                e -> decide(ReviewOutcome.APPROVE, reason.getValue(), copyLeader.getValue(), copyOffice.getValue()));
        approve.setId("review-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button sendBack = new Button(getTranslation("review.return"), VaadinIcon.ARROW_BACKWARD.create(), e -> {
            if (reason.getValue() == null || reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("review.reason.required"));
                return;
            }
            decide(returnTo.getValue(), reason.getValue(), copyLeader.getValue(), copyOffice.getValue());
        });
        sendBack.setId("review-return");
        sendBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout copies = new HorizontalLayout(new Span(getTranslation("review.copy")), copyLeader,
                copyOffice);
        copies.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        HorizontalLayout buttons = new HorizontalLayout(approve, sendBack);
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("review.decision")), reason, returnTo, copies,
                buttons);
        box.setId("review-decision");
        box.setPadding(false);
        return box;
    }

    private void decide(ReviewOutcome outcome, String reason, boolean copyLeader, boolean copyOffice) {
        Map<String, String> comments = new LinkedHashMap<>();
        if (outcome != ReviewOutcome.APPROVE) {
            fieldComments.forEach((key, field) -> {
                if (field.getValue() != null && !field.getValue().isBlank()) {
                    comments.put(key, field.getValue().strip());
                }
            });
        }
        String taskId = screen.engineTaskId();
        Long reportId = screen.current().reportId();
        boolean done = ReviewNotices.attempt(this, () -> {
            reviews.review(taskId, outcome, reason == null || reason.isBlank() ? null : reason, comments);
        });
        if (!done) {
            return;
        }
        List<CopyTarget> copies = new ArrayList<>();
        if (copyLeader) {
            copies.add(CopyTarget.UNIT_LEADER);
        }
        if (copyOffice) {
            copies.add(CopyTarget.SUPERVISION_OFFICE);
        }
        for (CopyTarget target : copies) {
            ReviewNotices.attempt(this, () -> reviews.copyDecision(reportId, target, null));
        }
        ReviewNotices.success(getTranslation(outcome == ReviewOutcome.APPROVE ? "review.approved"
                : "review.returned"));
        getUI().ifPresent(ui -> ui.navigate(ReviewListView.class));
    }

    private Component operationsPanel() {
        List<Colleague> reviewers = screen.colleagues().stream().filter(Colleague::reviewer).toList();
        ComboBox<Colleague> colleague = new ComboBox<>(getTranslation("review.ops.colleague"));
        colleague.setId("review-colleague");
        colleague.setItems(reviewers);
        colleague.setItemLabelGenerator(c -> c.displayName() + "（" + c.username() + "）");
        TextField note = new TextField(getTranslation("review.ops.note"));
        note.setId("review-ops-note");
        Button transfer = new Button(getTranslation("review.ops.transfer"), e -> handOver(colleague.getValue(),
                note.getValue(), true));
        transfer.setId("review-transfer");
        Button delegate = new Button(getTranslation("review.ops.delegate"), e -> handOver(colleague.getValue(),
                note.getValue(), false));
        delegate.setId("review-delegate");
        HorizontalLayout handOver = new HorizontalLayout(colleague, note, transfer, delegate);
        handOver.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        handOver.getStyle().set("flex-wrap", "wrap");

        ComboBox<Colleague> coReviewer = new ComboBox<>(getTranslation("review.ops.coReviewer"));
        coReviewer.setId("review-co-reviewer");
        coReviewer.setItems(screen.colleagues());
        coReviewer.setItemLabelGenerator(c -> c.displayName() + "（" + c.username() + "）");
        TextField question = new TextField(getTranslation("review.ops.question"));
        question.setId("review-co-question");
        Button ask = new Button(getTranslation("review.ops.addCoReviewer"), e -> {
            if (coReviewer.getValue() == null) {
                coReviewer.setInvalid(true);
                return;
            }
            if (ReviewNotices.attempt(this, () -> reviews.requestCoReview(screen.engineTaskId(),
                    coReviewer.getValue().username(), question.getValue()))) {
                ReviewNotices.success(getTranslation("review.ops.coReviewAsked", coReviewer.getValue().displayName()));
                reload();
            }
        });
        ask.setId("review-add-co-reviewer");
        HorizontalLayout coReview = new HorizontalLayout(coReviewer, question, ask);
        coReview.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        coReview.getStyle().set("flex-wrap", "wrap");

        VerticalLayout box = new VerticalLayout(handOver, coReview);
        box.setPadding(false);
        Details details = new Details(getTranslation("review.ops.title"), box);
        details.setId("review-operations");
        return details;
    }

    private void handOver(Colleague colleague, String note, boolean transfer) {
        if (colleague == null) {
            ReviewNotices.error(getTranslation("review.ops.pickColleague"));
            return;
        }
        String taskId = screen.engineTaskId();
        if (ReviewNotices.attempt(this, () -> {
            if (transfer) {
                operations.transfer(taskId, colleague.username(), note);
            } else {
                operations.delegate(taskId, colleague.username(), note);
            }
        })) {
            ReviewNotices.success(getTranslation(transfer ? "review.ops.transferred" : "review.ops.delegated",
                    colleague.displayName()));
            getUI().ifPresent(ui -> ui.navigate(ReviewListView.class));
        }
    }

    private Component resolvePanel() {
        TextField note = new TextField(getTranslation("review.ops.note"));
        note.setId("review-resolve-note");
        Button resolve = new Button(getTranslation("review.ops.resolve"), e -> {
            if (ReviewNotices.attempt(this, () -> operations.resolve(screen.engineTaskId(), note.getValue()))) {
                ReviewNotices.success(getTranslation("review.ops.resolved"));
                getUI().ifPresent(ui -> ui.navigate(ReviewListView.class));
            }
        });
        resolve.setId("review-resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout box = new HorizontalLayout(note, resolve);
        box.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return box;
    }

    private Component opinionPanel() {
        TextArea opinion = new TextArea(getTranslation("review.coReview.opinion"));
        opinion.setId("review-opinion");
        opinion.setWidthFull();
        Button send = new Button(getTranslation("review.coReview.send"), e -> {
            if (ReviewNotices.attempt(this, () -> reviews.answerCoReview(screen.engineTaskId(), opinion.getValue()))) {
                ReviewNotices.success(getTranslation("review.coReview.sent"));
                getUI().ifPresent(ui -> ui.navigate(""));
            }
        });
        send.setId("review-send-opinion");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout box = new VerticalLayout(opinion, send);
        box.setPadding(false);
        return box;
    }

    private void reload() {
        getUI().ifPresent(ui -> ui.getPage().reload());
    }

    @Override
    public String getPageTitle() {
        return (title == null ? getTranslation("review.title") : title) + " · " + getTranslation("app.name");
    }
}
