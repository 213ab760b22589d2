package org.duban.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.duban.dashboard.DashboardService;
import org.duban.dashboard.DashboardService.Counts;
import org.duban.dashboard.DashboardService.Dashboard;
import org.duban.dashboard.DashboardService.IndicatorLine;
import org.duban.dashboard.PlanScope;
import org.duban.ui.review.ReviewNotices;

/**
 * Dashboards (统计图表): for a plan and a cycle (or all cycles), the reports due, on time, late, returned and escalated
 * per section, per lead unit and per county; each indicator's reported actual against its target; the trend over
 * cycles. Charts are drawn by ECharts, a static resource loaded at run time; every chart has a grid with its numbers
 * beside it, so the screen is useful without scripts. What the user may see is the service's decision.
 * {@code ?plan=<id>&cycle=<id>} choose the scope (default: the newest plan with an opened cycle, its latest cycle).
 */
@Route("dashboard")
@Menu(order = 50, title = "dashboard.menu")
@RolesAllowed({"SUPERVISOR", "ADMIN", "REVIEWER"})
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ECHARTS = "context://echarts/echarts.min.js";
    static final String CHARTS = "context://duban/dashboard-charts.js";

    private final transient DashboardService dashboards;
    private final PlanCyclePicker picker = new PlanCyclePicker("dashboard", "dashboard.filter.allCycles", this::show);
    private final VerticalLayout content = new VerticalLayout();

    public DashboardView(DashboardService dashboards) {
        this.dashboards = dashboards;
        setWidthFull();
        content.setPadding(false);
        content.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("dashboard.title"));
        title.setId("dashboard-title");
        List<PlanScope>[] plans = new List[1];
        if (!ReviewNotices.attempt(this, () -> plans[0] = dashboards.plans())) {
            Paragraph refused = new Paragraph(getTranslation("dashboard.refused"));
            refused.setId("dashboard-refused");
            add(title, refused);
            return;
        }
        add(title, picker, content);
        if (picker.choose(plans[0], event.getLocation().getQueryParameters()).isEmpty()) {
            content.add(new Paragraph(getTranslation("dashboard.noPlan")));
            return;
        }
        show();
    }

    private void show() {
        content.removeAll();
        if (picker.plan().isEmpty()) {
            return;
        }
        Long planId = picker.plan().get().planId();
        Long cycleId = picker.cycleId();
        Dashboard[] found = new Dashboard[1];
        if (!ReviewNotices.attempt(this, () -> found[0] = dashboards.dashboard(planId, cycleId))) {
            return;
        }
        Dashboard d = found[0];
        UI ui = UI.getCurrent();
        ui.getPage().addJavaScript(ECHARTS);
        ui.getPage().addJavaScript(CHARTS);
        Span scope = new Span(d.leadUnitCode() == null ? getTranslation("dashboard.scope.all")
                : getTranslation("dashboard.scope.lead", d.leadUnitCode()));
        scope.setId("dashboard-scope");
        scope.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span totals = new Span(getTranslation("dashboard.totals", d.total().reports(), d.total().due(),
                d.total().onTime(), d.total().late(), d.total().returned(), d.total().escalated(),
                rate(d.total().onTimeRate()), d.asOf().toString()));
        totals.setId("dashboard-totals");
        content.add(scope, totals);
        section("section", getTranslation("dashboard.bySection"), d.bySection(), "dashboard.col.section");
        section("lead", getTranslation("dashboard.byLeadUnit"), d.byLeadUnit(), "dashboard.col.leadUnit");
        section("county", getTranslation("dashboard.byCounty"), d.byCounty(), "dashboard.col.county");
        content.add(new H3(getTranslation("dashboard.indicators")));
        content.add(chart("indicators", ChartOptions.indicators(d.indicators(), this::getTranslation),
                Math.max(240, 28 * (int) Math.min(ChartOptions.MAX_INDICATORS_CHARTED,
                        d.indicators().stream().filter(l -> l.percent() != null).count()) + 80)));
        content.add(indicatorGrid(d.indicators()));
        content.add(new H3(getTranslation("dashboard.trend")));
        content.add(chart("trend", ChartOptions.trend(d.trend(), this::getTranslation), 320));
        content.add(countsGrid("trend", d.trend(), "dashboard.col.cycle"));
    }

    private void section(String id, String heading, List<Counts> rows, String labelHeader) {
        content.add(new H3(heading));
        if (rows.isEmpty()) {
            content.add(new Paragraph(getTranslation("dashboard.empty")));
            return;
        }
        content.add(chart(id, ChartOptions.counts(rows, this::getTranslation), rows.size() > 6 ? 400 : 300));
        content.add(countsGrid(id, rows, labelHeader));
    }

    private Component chart(String id, String optionJson, int height) {
        Div canvas = new Div();
        canvas.setId("chart-" + id);
        canvas.addClassName("duban-chart");
        canvas.setWidthFull();
        canvas.setHeight(height + "px");
        canvas.getElement().executeJs("""
                const el = this, option = $0;
                const go = (n) => window.DubanCharts ? window.DubanCharts.render(el, option)
                    : (n < 100 ? setTimeout(() => go(n + 1), 100) : el.setAttribute('data-error', 'not loaded'));
                go(0);""", optionJson);
        return canvas;
    }

    private Grid<Counts> countsGrid(String id, List<Counts> rows, String labelHeader) {
        Grid<Counts> grid = new Grid<>();
        grid.setId("grid-" + id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Counts::label).setHeader(getTranslation(labelHeader)).setFlexGrow(3).setKey("label");
        grid.addColumn(Counts::reports).setHeader(getTranslation("dashboard.col.reports")).setKey("reports");
        grid.addColumn(Counts::due).setHeader(getTranslation("dashboard.col.due")).setKey("due");
        grid.addColumn(Counts::onTime).setHeader(getTranslation("dashboard.col.onTime")).setKey("onTime");
        grid.addColumn(Counts::late).setHeader(getTranslation("dashboard.col.late")).setKey("late");
        grid.addColumn(Counts::returned).setHeader(getTranslation("dashboard.col.returned")).setKey("returned");
        grid.addColumn(Counts::escalated).setHeader(getTranslation("dashboard.col.escalated")).setKey("escalated");
        grid.addColumn(c -> rate(c.onTimeRate())).setHeader(getTranslation("dashboard.col.rate")).setKey("rate");
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<IndicatorLine> indicatorGrid(List<IndicatorLine> lines) {
        Grid<IndicatorLine> grid = new Grid<>();
        grid.setId("grid-indicators");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ChartOptions::indicatorLabel).setHeader(getTranslation("dashboard.col.indicatorNo"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(IndicatorLine::phrase).setHeader(getTranslation("dashboard.col.indicator")).setFlexGrow(3);
        grid.addColumn(l -> getTranslation("dashboard.comparator." + l.comparator().name()) + " "
                + amount(l.target(), l.measureUnit())).setHeader(getTranslation("dashboard.col.target"))
                .setAutoWidth(true);
        grid.addColumn(l -> amount(l.actual(), l.measureUnit())).setHeader(getTranslation("dashboard.col.actual"))
                .setAutoWidth(true);
        grid.addColumn(l -> l.percent() == null ? "—" : l.percent().toPlainString() + "%")
                .setHeader(getTranslation("dashboard.col.percent")).setAutoWidth(true);
        grid.addColumn(l -> l.actual() == null ? getTranslation("dashboard.indicator.none")
                : getTranslation(l.met() ? "dashboard.indicator.met" : "dashboard.indicator.notMet"))
                .setHeader(getTranslation("dashboard.col.met")).setAutoWidth(true);
        grid.addColumn(IndicatorLine::reportingUnits).setHeader(getTranslation("dashboard.col.reportingUnits"))
                .setAutoWidth(true);
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("dashboard.empty"));
        return grid;
    }

    private static String amount(BigDecimal value, String measureUnit) {
        return value == null ? "—" : value.toPlainString() + Objects.toString(measureUnit, "");
    }

    private static String rate(Double rate) {
        return rate == null ? "—" : rate + "%";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " · " + getTranslation("app.name");
    }
}
