package org.duban.ui.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.duban.review.ReviewQueries;
import org.duban.review.ReviewQueries.ReviewItem;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.BulkResult;

/**
 * Reports waiting for my unit's review, oldest first, paged lazily from the engine. Tick several and approve them at
 * once; open one to read it beside last cycle's and decide.
 */
@Route("review")
@Menu(order = 20, title = "review.menu")
@RolesAllowed("REVIEWER")
public class ReviewListView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(
            ZoneId.systemDefault());

    private final transient ReviewQueries queries;
    private final transient ReviewService reviews;
    private final Grid<ReviewItem> grid = new Grid<>();
    private final Button bulkApprove = new Button();
    private final Span count = new Span();

    public ReviewListView(ReviewQueries queries, ReviewService reviews) {
        this.queries = queries;
        this.reviews = reviews;
        setSizeFull();
        configureGrid();
        bulkApprove.setText(getTranslation("review.list.bulkApprove"));
        bulkApprove.setIcon(VaadinIcon.CHECK_SQUARE_O.create());
        bulkApprove.setId("review-bulk-approve");
        bulkApprove.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bulkApprove.setEnabled(false);
        bulkApprove.addClickListener(e -> approveSelected());
        count.setId("review-count");
        HorizontalLayout toolbar = new HorizontalLayout(count, bulkApprove);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("review.list.title")), toolbar, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("review-list");
        grid.setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(item -> {
            RouterLink link = new RouterLink(getTranslation("review.list.open"), ReviewView.class,
                    new RouteParameters(ReviewView.TASK_ID, item.engineTaskId()));
            link.setId("open-" + item.businessKey());
            return link;
        }).setHeader(getTranslation("review.list.action")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(item -> getTranslation("review.task.numbered", item.taskNumber(), item.taskTitle()))
                .setHeader(getTranslation("review.field.task")).setFlexGrow(3);
        grid.addColumn(ReviewItem::unitName).setHeader(getTranslation("review.field.unit")).setAutoWidth(true);
        grid.addColumn(ReviewItem::periodCode).setHeader(getTranslation("review.field.period")).setAutoWidth(true);
        grid.addColumn(item -> item.returnCount() > 0
                ? getTranslation("review.list.resubmitted", item.revision(), item.returnCount())
                : getTranslation("review.list.revision", item.revision()))
                .setHeader(getTranslation("review.field.revision")).setAutoWidth(true);
        grid.addColumn(item -> item.submittedAt() == null ? "" : TIME.format(item.submittedAt()))
                .setHeader(getTranslation("review.field.submittedAt")).setAutoWidth(true);
        grid.addColumn(item -> item.reviewDueOn() == null ? "" : item.overdue()
                ? getTranslation("review.list.overdue", item.reviewDueOn()) : item.reviewDueOn().toString())
                .setHeader(getTranslation("review.field.reviewDue")).setAutoWidth(true);
        grid.addColumn(item -> item.assignee() == null ? getTranslation("review.list.unclaimed") : item.assignee())
                .setHeader(getTranslation("review.field.assignee")).setAutoWidth(true);
        grid.setPartNameGenerator(item -> item.overdue() ? "overdue" : item.returnCount() > 0 ? "returned" : null);
        grid.setEmptyStateText(getTranslation("review.list.empty"));
        grid.addSelectionListener(e -> bulkApprove.setEnabled(!e.getAllSelectedItems().isEmpty()));
    }

    private void approveSelected() {
        List<String> ids = new ArrayList<>(grid.getSelectedItems().stream().map(ReviewItem::engineTaskId).toList());
        List<BulkResult> results = new ArrayList<>();
        if (!ReviewNotices.attempt(this, () -> results.addAll(reviews.bulkApprove(ids)))) {
            return;
        }
        long approved = results.stream().filter(BulkResult::approved).count();
        List<String> failures = results.stream().filter(r -> !r.approved())
                .map(r -> ReviewNotices.inLanguageOf(this, r.message())).toList();
        if (failures.isEmpty()) {
            ReviewNotices.success(getTranslation("review.list.bulkDone", approved));
        } else {
            ReviewNotices.error(getTranslation("review.list.bulkPartly", approved, failures.size(),
                    String.join("；", failures)));
        }
        grid.deselectAll();
        refresh();
    }

    private void refresh() {
        grid.setItems(query -> queries.awaitingMyReview(query.getOffset(), query.getLimit()).stream(),
                query -> (int) queries.countAwaitingMyReview());
        count.setText(getTranslation("review.list.count", queries.countAwaitingMyReview()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.list.title") + " · " + getTranslation("app.name");
    }
}
