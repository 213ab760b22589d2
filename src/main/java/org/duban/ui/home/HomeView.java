package org.duban.ui.home;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.duban.catalog.CatalogQueryService;
import org.duban.catalog.PlanSummary;

/** Start page after sign-in: the plans Duban tracks. The daily-work screens hang off the menu. */
@Route("")
@Menu(order = 0, title = "menu.home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CatalogQueryService catalog) {
        add(new H2(getTranslation("home.title")), new Paragraph(getTranslation("home.intro")));
        Grid<PlanSummary> plans = new Grid<>();
        plans.setId("plans");
        plans.addColumn(PlanSummary::documentNumber).setHeader(getTranslation("plan.documentNumber")).setAutoWidth(true);
        plans.addColumn(PlanSummary::year).setHeader(getTranslation("plan.year")).setAutoWidth(true);
        plans.addColumn(PlanSummary::title).setHeader(getTranslation("plan.title")).setFlexGrow(1);
        plans.addColumn(PlanSummary::sections).setHeader(getTranslation("plan.sections")).setAutoWidth(true);
        plans.addColumn(PlanSummary::tasks).setHeader(getTranslation("plan.tasks")).setAutoWidth(true);
        plans.setItems(catalog.planSummaries());
        plans.setAllRowsVisible(true);
        add(plans);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · " + getTranslation("app.name");
    }
}
