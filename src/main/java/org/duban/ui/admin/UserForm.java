package org.duban.ui.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.duban.admin.UnitSummary;
import org.duban.admin.UserSummary;
import org.duban.org.Role;

/**
 * Creates or edits one user: user name (fixed once created), display name, unit, roles, e-mail and, for a new user,
 * an optional initial password. Raises events; the view calls the service.
 */
class UserForm extends VerticalLayout {

    /** The fields a user form edits. */
    static final class Data {
        String username = "";
        String displayName = "";
        UnitSummary unit;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String email = "";
        String password = "";
    }

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final ComboBox<UnitSummary> unit = new ComboBox<>();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final TextField email = new TextField();
    private final PasswordField password = new PasswordField();
    private final Binder<Data> binder = new Binder<>();

    private final H3 title = new H3();
    private final Span state = new Span();
    private final Button resetPassword = new Button();
    private final Button toggleActive = new Button();

    private List<UnitSummary> activeUnits = List.of();
    private Data data = new Data();
    private UserSummary user;

    UserForm() {
        setPadding(false);
        setWidth("24rem");
        setHeightFull();
        // scrolls by itself, so the grid keeps its place on a 768-pixel-high screen
        getStyle().set("flex-shrink", "0").set("overflow-y", "auto");
        title.getStyle().set("margin", "0");
        configureFields();
        configureBinder();
        add(title, state, fields(), buttons());
    }

    /** The units a user may be put in: the active ones. */
    void setUnits(List<UnitSummary> units) {
        activeUnits = List.copyOf(units);
        unit.setItems(activeUnits);
    }

    void createNew() {
        user = null;
        data = new Data();
        unit.setItems(activeUnits);
        binder.readBean(data);
        username.setReadOnly(false);
        password.setVisible(true);
        title.setText(getTranslation("admin.users.new"));
        state.setText("");
        resetPassword.setVisible(false);
        toggleActive.setVisible(false);
        username.focus();
    }

    void edit(UserSummary summary) {
        user = summary;
        data = new Data();
        data.username = summary.username();
        data.displayName = summary.displayName();
        data.unit = unitOf(summary);
        data.roles = summary.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(summary.roles());
        data.email = summary.email() == null ? "" : summary.email();
        binder.readBean(data);
        username.setReadOnly(true);
        password.setVisible(false);
        title.setText(summary.displayName());
        state.setText(summary.username() + " · "
                + getTranslation(summary.active() ? "admin.state.active" : "admin.state.inactive"));
        resetPassword.setVisible(true);
        toggleActive.setText(getTranslation(summary.active() ? "admin.action.deactivate" : "admin.action.reactivate"));
        toggleActive.setVisible(true);
    }

    /** The user's unit among the choices; a deactivated unit is offered too, so the form shows where they are. */
    private UnitSummary unitOf(UserSummary summary) {
        List<UnitSummary> choices = new ArrayList<>(activeUnits);
        UnitSummary current = choices.stream().filter(u -> u.code().equals(summary.unitCode())).findFirst()
                .orElse(null);
        if (current == null) {
            current = new UnitSummary(summary.unitCode(), summary.unitName(), null, true, false, false, List.of(), 0);
            choices.add(current);
        }
        unit.setItems(choices);
        return current;
    }

    private void configureFields() {
        username.setLabel(getTranslation("admin.field.username"));
        username.setHelperText(getTranslation("admin.users.usernameHelp"));
        username.setId("user-username");
        displayName.setLabel(getTranslation("admin.field.displayName"));
        displayName.setId("user-display-name");
        unit.setLabel(getTranslation("admin.field.unit"));
        unit.setItemLabelGenerator(u -> u.name() + " (" + u.code() + ")");
        unit.setId("user-unit");
        roles.setLabel(getTranslation("admin.field.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setId("user-roles");
        email.setLabel(getTranslation("admin.field.email"));
        password.setLabel(getTranslation("admin.field.password"));
        password.setHelperText(getTranslation("admin.users.passwordHelp"));
    }

    private void configureBinder() {
        String required = getTranslation("admin.validation.required");
        binder.forField(username).asRequired(required)
                .withValidator(new RegexpValidator(getTranslation("admin.validation.usernamePattern"),
                        "[a-z0-9._-]{3,60}"))
                .bind(d -> d.username, (d, v) -> d.username = v);
        binder.forField(displayName).asRequired(required)
                .withValidator(new StringLengthValidator(getTranslation("admin.validation.maxLength", "100"), 1, 100))
                .bind(d -> d.displayName, (d, v) -> d.displayName = v);
        binder.forField(unit).asRequired(required).bind(d -> d.unit, (d, v) -> d.unit = v);
        binder.forField(roles).asRequired(getTranslation("admin.error.rolesRequired"))
                .bind(d -> d.roles, (d, v) -> d.roles = v);
        binder.forField(email)
                .withValidator(new EmailValidator(getTranslation("admin.validation.email"), true))
                .bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(password)
                .withValidator(p -> p.isEmpty() || p.length() >= 8, getTranslation("admin.error.passwordTooShort", "8"))
                .bind(d -> d.password, (d, v) -> d.password = v);
    }

    private FormLayout fields() {
        FormLayout form = new FormLayout(username, displayName, unit, roles, email, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private HorizontalLayout buttons() {
        Button save = new Button(getTranslation("admin.action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("user-save");
        resetPassword.setText(getTranslation("admin.action.resetPassword"));
        resetPassword.addClickListener(e -> confirmResetPassword());
        toggleActive.addThemeVariants(ButtonVariant.LUMO_ERROR);
        toggleActive.addClickListener(e -> confirmToggleActive());
        Button close = new Button(getTranslation("admin.action.close"), e -> fireEvent(new CloseEvent(this)));
        HorizontalLayout buttons = new HorizontalLayout(save, resetPassword, toggleActive, close);
        buttons.getStyle().set("flex-wrap", "wrap");
        return buttons;
    }

    private void save() {
        if (binder.writeBeanIfValid(data)) {
            fireEvent(new SaveEvent(this, user, data));
        }
    }

    private void confirmResetPassword() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("admin.users.resetTitle", user.displayName()));
        confirm.setText(getTranslation("admin.users.resetText"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.action.cancel"));
        confirm.setConfirmText(getTranslation("admin.action.resetPassword"));
        confirm.addConfirmListener(e -> fireEvent(new ResetPasswordEvent(this, user)));
        confirm.open();
    }

    private void confirmToggleActive() {
        if (!user.active()) {
            fireEvent(new ActiveEvent(this, user, true));
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("admin.users.deactivateTitle", user.displayName()));
        confirm.setText(getTranslation("admin.users.deactivateText"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.action.cancel"));
        confirm.setConfirmText(getTranslation("admin.action.deactivate"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> fireEvent(new ActiveEvent(this, user, false)));
        confirm.open();
    }

    // events the view listens to; the user is null for a new one

    abstract static class UserFormEvent extends ComponentEvent<UserForm> {
        private final UserSummary user;

        UserFormEvent(UserForm source, UserSummary user) {
            super(source, false);
            this.user = user;
        }

        UserSummary user() {
            return user;
        }
    }

    static final class SaveEvent extends UserFormEvent {
        private final Data data;

        SaveEvent(UserForm source, UserSummary user, Data data) {
            super(source, user);
            this.data = data;
        }

        Data data() {
            return data;
        }
    }

    static final class ResetPasswordEvent extends UserFormEvent {
        ResetPasswordEvent(UserForm source, UserSummary user) {
            super(source, user);
        }
    }

    static final class ActiveEvent extends UserFormEvent {
        private final boolean active;

        ActiveEvent(UserForm source, UserSummary user, boolean active) {
            super(source, user);
            this.active = active;
        }

        boolean active() {
            return active;
        }
    }

    static final class CloseEvent extends UserFormEvent {
        CloseEvent(UserForm source) {
            super(source, null);
        }
    }

    <T extends ComponentEvent<?>> Registration on(Class<T> type, ComponentEventListener<T> listener) {
        return getEventBus().addListener(type, listener);
    }
}
