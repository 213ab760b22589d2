package org.duban.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.duban.admin.UnitAdminService;
import org.duban.admin.UnitChange;
import org.duban.admin.UnitDraft;
import org.duban.admin.UnitFilter;
import org.duban.admin.UnitSummary;
import org.duban.org.UnitType;

/** The unit registry: filter, create, edit, aliases, deactivate. Units are few, so the grid holds the filtered list. */
@Route("admin/units")
@Menu(order = 100, title = "admin.menu.units")
@RolesAllowed("ADMIN")
public class UnitsView extends VerticalLayout implements HasDynamicTitle {

    private final transient UnitAdminService units;
    private final Grid<UnitSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<UnitType> typeFilter = new Select<>();
    private final Select<Boolean> activeFilter = new Select<>();
    private final Select<Boolean> registeredFilter = new Select<>();
    private final UnitForm form = new UnitForm();

    public UnitsView(UnitAdminService units) {
        this.units = units;
        setSizeFull();
        configureGrid();
        configureForm();
        add(AdminLayouts.title(getTranslation("admin.units.title")), toolbar(), content());
        refresh();
        closeForm();
    }

    private void configureGrid() {
        grid.setId("units");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(UnitSummary::code).setHeader(getTranslation("admin.field.code")).setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(UnitSummary::name).setHeader(getTranslation("admin.field.name")).setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(u -> getTranslation("admin.unitType." + u.type().name()))
                .setHeader(getTranslation("admin.field.type")).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> String.join("、", u.aliases())).setHeader(getTranslation("admin.field.aliases"))
                .setFlexGrow(2);
        grid.addColumn(UnitSummary::activeUsers).setHeader(getTranslation("admin.units.users")).setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::stateLabel).setHeader(getTranslation("admin.field.state")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("admin.grid.empty"));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                form.edit(e.getValue());
                form.setVisible(true);
            }
        });
    }

    private String stateLabel(UnitSummary unit) {
        String state = getTranslation(unit.active() ? "admin.state.active" : "admin.state.inactive");
        return unit.registered() ? state : state + " · " + getTranslation("admin.state.unregistered");
    }

    private void configureForm() {
        form.setVisible(false);
        form.on(UnitForm.SaveEvent.class, e -> save(e.unit(), e.data()));
        form.on(UnitForm.AliasAddEvent.class, e -> show(() -> units.addAlias(e.unit().code(), e.alias()),
                form::aliasAdded));
        form.on(UnitForm.AliasRemoveEvent.class, e -> show(() -> units.removeAlias(e.unit().code(), e.alias()),
                () -> { }));
        form.on(UnitForm.ActiveEvent.class, e -> show(() -> e.active() ? units.reactivate(e.unit().code())
                : units.deactivate(e.unit().code()), () -> { }));
        form.on(UnitForm.RegisterEvent.class, e -> show(() -> units.markRegistered(e.unit().code()), () -> { }));
        form.on(UnitForm.CloseEvent.class, e -> closeForm());
    }

    private Component toolbar() {
        search.setPlaceholder(getTranslation("admin.units.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("14em");
        search.addValueChangeListener(e -> refresh());
        typeFilter.setItems(UnitType.values());
        typeFilter.setEmptySelectionAllowed(true);
        typeFilter.setEmptySelectionCaption(getTranslation("admin.filter.allTypes"));
        typeFilter.setItemLabelGenerator(t -> t == null ? getTranslation("admin.filter.allTypes")
                : getTranslation("admin.unitType." + t.name()));
        typeFilter.setWidth("10em");
        typeFilter.addValueChangeListener(e -> refresh());
        AdminFilters.booleanFilter(activeFilter, "admin.filter.anyState", "admin.state.active", "admin.state.inactive");
        activeFilter.setValue(true);
        activeFilter.addValueChangeListener(e -> refresh());
        AdminFilters.booleanFilter(registeredFilter, "admin.filter.anyRegistration", "admin.state.registered",
                "admin.state.unregistered");
        registeredFilter.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("admin.units.new"), VaadinIcon.PLUS.create(), e -> createUnit());
        add.setId("unit-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, typeFilter, activeFilter, registeredFilter, add);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.getStyle().set("flex-wrap", "wrap");
        return toolbar;
    }

    private Component content() {
        HorizontalLayout content = new HorizontalLayout(grid, form);
        content.setFlexGrow(1, grid);
        content.setSizeFull();
        return content;
    }

    private void createUnit() {
        grid.asSingleSelect().clear();
        form.createNew();
        form.setVisible(true);
    }

    private void save(UnitSummary existing, UnitForm.Data data) {
        if (existing == null) {
            show(() -> units.create(new UnitDraft(data.code, data.name, data.type, data.leaderSignoff)), () -> { });
        } else {
            show(() -> units.update(existing.code(), new UnitChange(data.name, data.type, data.leaderSignoff)),
                    () -> { });
        }
    }

    /** Runs one service call returning the unit as stored; on success shows it in the list and the form. */
    private void show(Supplier<UnitSummary> serviceCall, Runnable afterwards) {
        AtomicReference<UnitSummary> result = new AtomicReference<>();
        if (AdminNotifications.attempt(this, () -> result.set(serviceCall.get()))) {
            refresh();
            UnitSummary stored = result.get();
            form.edit(stored);
            afterwards.run();
            AdminNotifications.success(getTranslation("admin.saved", stored.name()));
        }
    }

    private void closeForm() {
        form.setVisible(false);
        grid.asSingleSelect().clear();
    }

    private void refresh() {
        grid.setItems(units.units(new UnitFilter(search.getValue(), typeFilter.getValue(), activeFilter.getValue(),
                registeredFilter.getValue())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.units.title") + " · " + getTranslation("app.name");
    }
}
