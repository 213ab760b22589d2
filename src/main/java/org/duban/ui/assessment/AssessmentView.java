package org.duban.ui.assessment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duban.assessment.AssessmentService;
import org.duban.assessment.AssessmentService.Assessment;
import org.duban.assessment.ComponentScore;
import org.duban.assessment.UnitScore;
import org.duban.assessment.Weights;
import org.duban.dashboard.PlanScope;
import org.duban.ui.dashboard.PlanCyclePicker;
import org.duban.ui.review.ReviewNotices;

/**
 * Unit assessment (考核): each unit's score for a plan's cycle (or all its cycles), ranked, with every component's raw
 * figure, points, weight and contribution shown, so anyone can recompute it. Supervisors and admins see every unit, a
 * unit leader the own unit's line and rank (decided by the service). Admins change the weights in a dialog.
 * {@code ?plan=<id>&cycle=<id>} choose the scope, as on the dashboard.
 */
@Route("assessment")
@Menu(order = 55, title = "assessment.menu")
@RolesAllowed({"SUPERVISOR", "ADMIN", "UNIT_LEADER"})
public class AssessmentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AssessmentService assessments;
    private final PlanCyclePicker picker = new PlanCyclePicker("assessment", "assessment.filter.allCycles", this::show);
    private final Span weightsNote = new Span();
    private final Span standing = new Span();
    private final Grid<UnitScore> grid = new Grid<>();

    public AssessmentView(AssessmentService assessments) {
        this.assessments = assessments;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("assessment.title"));
        title.setId("assessment-title");
        List<PlanScope>[] plans = new List[1];
        AssessmentService.Access[] access = new AssessmentService.Access[1];
        if (!ReviewNotices.attempt(this, () -> {
            access[0] = assessments.access();
            plans[0] = assessments.plans();
        })) {
            Paragraph refused = new Paragraph(getTranslation("assessment.refused"));
            refused.setId("assessment-refused");
            add(title, refused);
            return;
        }
        configureGrid();
        Span method = new Span(getTranslation("assessment.method"));
        method.setId("assessment-method");
        method.getStyle().set("color", "var(--lumo-secondary-text-color)");
        weightsNote.setId("assessment-weights");
        standing.setId("assessment-standing");
        HorizontalLayout weightsBar = new HorizontalLayout(weightsNote);
        weightsBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (access[0].mayChangeWeights()) {
            Button change = new Button(getTranslation("assessment.weights.change"),
                    e -> new WeightsDialog(assessments, this::show).open());
            change.setId("assessment-weights-change");
            weightsBar.add(change);
        }
        add(title, picker, weightsBar, method, standing, grid);
        if (picker.choose(plans[0], event.getLocation().getQueryParameters()).isEmpty()) {
            add(new Paragraph(getTranslation("assessment.noPlan")));
            return;
        }
        show();
    }

    private void configureGrid() {
        grid.setId("assessment-ranking");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(UnitScore::rank).setHeader(getTranslation("assessment.col.rank")).setAutoWidth(true)
                .setFlexGrow(0).setKey("rank");
        grid.addColumn(UnitScore::unitName).setHeader(getTranslation("assessment.col.unit")).setAutoWidth(true)
                .setKey("unit");
        grid.addColumn(s -> s.score() == null ? "—" : s.score().toPlainString())
                .setHeader(getTranslation("assessment.col.score")).setAutoWidth(true).setKey("score");
        for (Weights.Component c : Weights.Component.values()) {
            grid.addComponentColumn(s -> explain(s.component(c)))
                    .setHeader(getTranslation("assessment.component." + c.name())).setFlexGrow(2)
                    .setKey(c.name());
        }
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("assessment.empty"));
    }

    /** Raw figure on the first line, "points × weight = contribution" on the second. */
    private Component explain(ComponentScore c) {
        Div cell = new Div();
        String raw = getTranslation("assessment.raw." + c.component().name(), String.valueOf(c.count()),
                String.valueOf(c.basis()), plain(c.raw()));
        if (!c.hasData()) {
            raw = getTranslation("assessment.noData." + c.component().name());
        }
        Span first = new Span(raw);
        Span second = new Span(c.hasData() && c.contribution() != null
                ? getTranslation("assessment.calc", plain(c.points()), plain(c.effectiveWeight()),
                        plain(c.contribution()))
                : getTranslation("assessment.calc.none", String.valueOf(c.weight())));
        second.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)");
        first.getStyle().set("display", "block");
        cell.add(first, second);
        return cell;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private void show() {
        grid.setItems(List.of());
        standing.setText("");
        if (picker.plan().isEmpty()) {
            return;
        }
        Long planId = picker.plan().get().planId();
        Long cycleId = picker.cycleId();
        Assessment[] found = new Assessment[1];
        if (!ReviewNotices.attempt(this, () -> found[0] = assessments.assess(planId, cycleId))) {
            return;
        }
        Assessment a = found[0];
        weightsNote.setText(getTranslation("assessment.weights.current", Stream.of(Weights.Component.values())
                .map(c -> getTranslation("assessment.component." + c.name()) + " " + a.weights().of(c) + "%")
                .collect(Collectors.joining("、"))));
        if (a.ownUnitOnly()) {
            standing.setText(a.lines().isEmpty() ? getTranslation("assessment.standing.none")
                    : getTranslation("assessment.standing", a.lines().get(0).unitName(),
                            String.valueOf(a.lines().get(0).rank()), String.valueOf(a.unitsRanked())));
        } else {
            standing.setText(getTranslation("assessment.standing.all", String.valueOf(a.unitsRanked()),
                    a.asOf().toString()));
        }
        grid.setItems(a.lines());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("assessment.title") + " · " + getTranslation("app.name");
    }
}
