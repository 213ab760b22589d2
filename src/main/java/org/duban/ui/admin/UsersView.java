package org.duban.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.duban.admin.CreatedUser;
import org.duban.admin.NewUser;
import org.duban.admin.UnitAdminService;
import org.duban.admin.UnitFilter;
import org.duban.admin.UnitSummary;
import org.duban.admin.UserAdminService;
import org.duban.admin.UserChange;
import org.duban.admin.UserFilter;
import org.duban.admin.UserSummary;
import org.duban.org.Role;

/** Users: a lazily loaded, filtered and sorted grid (there may be many), and a form to create and edit them. */
@Route("admin/users")
@Menu(order = 101, title = "admin.menu.users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final transient UserAdminService users;
    private final Grid<UserSummary> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<UserSummary, Void, UserFilter> dataProvider;
    private final TextField search = new TextField();
    private final ComboBox<UnitSummary> unitFilter = new ComboBox<>();
    private final Select<Role> roleFilter = new Select<>();
    private final Select<Boolean> activeFilter = new Select<>();
    private final UserForm form = new UserForm();

    public UsersView(UserAdminService users, UnitAdminService units) {
        this.users = users;
        this.dataProvider = DataProvider.<UserSummary, UserFilter>fromFilteringCallbacks(
                query -> users.users(query.getFilter().orElse(UserFilter.all()),
                        VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) users.countUsers(query.getFilter().orElse(UserFilter.all())))
                .withConfigurableFilter();
        setSizeFull();
        List<UnitSummary> activeUnits = units.units(UnitFilter.activeOnly());
        configureGrid();
        configureForm(activeUnits);
        add(AdminLayouts.title(getTranslation("admin.users.title")), toolbar(activeUnits), content());
        applyFilter();
        closeForm();
    }

    private void configureGrid() {
        grid.setId("users");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(UserSummary::username).setHeader(getTranslation("admin.field.username"))
                .setSortProperty("username").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("admin.field.displayName"))
                .setSortProperty("displayName").setFlexGrow(1);
        grid.addColumn(UserSummary::unitName).setHeader(getTranslation("admin.field.unit"))
                .setSortProperty("unit.name").setFlexGrow(1);
        grid.addColumn(this::roleLabels).setHeader(getTranslation("admin.field.roles")).setFlexGrow(1);
        grid.addColumn(u -> getTranslation(u.active() ? "admin.state.active" : "admin.state.inactive"))
                .setHeader(getTranslation("admin.field.state")).setSortProperty("active").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("admin.grid.empty"));
        grid.setItems(dataProvider);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                form.edit(e.getValue());
                form.setVisible(true);
            }
        });
    }

    private String roleLabels(UserSummary user) {
        return user.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining("、"));
    }

    private void configureForm(List<UnitSummary> activeUnits) {
        form.setUnits(activeUnits);
        form.setVisible(false);
        form.on(UserForm.SaveEvent.class, e -> save(e.user(), e.data()));
        form.on(UserForm.ResetPasswordEvent.class, e -> resetPassword(e.user()));
        form.on(UserForm.ActiveEvent.class, e -> show(() -> e.active() ? users.reactivate(e.user().username())
                : users.deactivate(e.user().username())));
        form.on(UserForm.CloseEvent.class, e -> closeForm());
    }

    private Component toolbar(List<UnitSummary> activeUnits) {
        search.setPlaceholder(getTranslation("admin.users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("14em");
        search.addValueChangeListener(e -> applyFilter());
        unitFilter.setPlaceholder(getTranslation("admin.filter.allUnits"));
        unitFilter.setItems(activeUnits);
        unitFilter.setItemLabelGenerator(UnitSummary::name);
        unitFilter.setClearButtonVisible(true);
        unitFilter.setWidth("14em");
        unitFilter.addValueChangeListener(e -> applyFilter());
        roleFilter.setItems(Role.values());
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption(getTranslation("admin.filter.allRoles"));
        roleFilter.setItemLabelGenerator(r -> r == null ? getTranslation("admin.filter.allRoles")
                : getTranslation("role." + r.name()));
        roleFilter.setWidth("9em");
        roleFilter.addValueChangeListener(e -> applyFilter());
        AdminFilters.booleanFilter(activeFilter, "admin.filter.anyState", "admin.state.active", "admin.state.inactive");
        activeFilter.addValueChangeListener(e -> applyFilter());
        Button add = new Button(getTranslation("admin.users.new"), VaadinIcon.PLUS.create(), e -> createUser());
        add.setId("user-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, unitFilter, roleFilter, activeFilter, add);
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

    private void createUser() {
        grid.asSingleSelect().clear();
        form.createNew();
        form.setVisible(true);
    }

    private void save(UserSummary existing, UserForm.Data data) {
        String unitCode = data.unit == null ? null : data.unit.code();
        if (existing == null) {
            AtomicReference<CreatedUser> created = new AtomicReference<>();
            if (AdminNotifications.attempt(this, () -> created.set(users.create(new NewUser(data.username,
                    data.displayName, unitCode, data.roles, data.email, data.password))))) {
                shown(created.get().user());
                if (created.get().generatedPassword() != null) {
                    new PasswordDialog(created.get().user().displayName(), created.get().generatedPassword()).open();
                }
            }
        } else {
            show(() -> users.update(existing.username(),
                    new UserChange(data.displayName, unitCode, data.roles, data.email)));
        }
    }

    private void resetPassword(UserSummary user) {
        AtomicReference<String> password = new AtomicReference<>();
        if (AdminNotifications.attempt(this, () -> password.set(users.resetPassword(user.username())))) {
            new PasswordDialog(user.displayName(), password.get()).open();
        }
    }

    /** Runs one service call returning the user as stored; on success shows it in the list and the form. */
    private void show(Supplier<UserSummary> serviceCall) {
        AtomicReference<UserSummary> result = new AtomicReference<>();
        if (AdminNotifications.attempt(this, () -> result.set(serviceCall.get()))) {
            shown(result.get());
        }
    }

    private void shown(UserSummary stored) {
        dataProvider.refreshAll();
        form.edit(stored);
        AdminNotifications.success(getTranslation("admin.saved", stored.displayName()));
    }

    private void closeForm() {
        form.setVisible(false);
        grid.asSingleSelect().clear();
    }

    private void applyFilter() {
        UnitSummary unit = unitFilter.getValue();
        dataProvider.setFilter(new UserFilter(search.getValue(), unit == null ? null : unit.code(),
                roleFilter.getValue(), activeFilter.getValue()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.title") + " · " + getTranslation("app.name");
    }
}
