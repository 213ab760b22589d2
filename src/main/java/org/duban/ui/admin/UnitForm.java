package org.duban.ui.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import org.duban.admin.UnitSummary;
import org.duban.org.UnitType;

/**
 * Creates or edits one unit: code (fixed once created), name, type, leader sign-off, aliases as removable chips, and
 * the state buttons. Knows nothing of persistence: it raises events the view turns into service calls.
 */
class UnitForm extends VerticalLayout {

    /** The fields a unit form edits. */
    static final class Data {
        String code = "";
        String name = "";
        UnitType type = UnitType.CITY_DEPT;
        boolean leaderSignoff;
    }

    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final Select<UnitType> type = new Select<>();
    private final Checkbox leaderSignoff = new Checkbox();
    private final Binder<Data> binder = new Binder<>();

    private final H3 title = new H3();
    private final Span state = new Span();
    private final FlexLayout aliasChips = new FlexLayout();
    private final TextField newAlias = new TextField();
    private final VerticalLayout aliasEditor = new VerticalLayout();
    private final Button save = new Button();
    private final Button register = new Button();
    private final Button toggleActive = new Button();

    private Data data = new Data();
    private UnitSummary unit;

    UnitForm() {
        setPadding(false);
        setWidth("24rem");
        setHeightFull();
        // scrolls by itself, so the grid keeps its place on a 768-pixel-high screen
        getStyle().set("flex-shrink", "0").set("overflow-y", "auto");
        title.getStyle().set("margin", "0");
        configureFields();
        configureBinder();
        configureAliasEditor();
        add(title, state, fields(), aliasEditor, buttons());
    }

    /** Shows an empty form for a new unit. */
    void createNew() {
        unit = null;
        data = new Data();
        binder.readBean(data);
        code.setReadOnly(false);
        title.setText(getTranslation("admin.units.new"));
        state.setText("");
        aliasEditor.setVisible(false);
        register.setVisible(false);
        toggleActive.setVisible(false);
        code.focus();
    }

    /** Shows the unit as stored. */
    void edit(UnitSummary summary) {
        unit = summary;
        data = new Data();
        data.code = summary.code();
        data.name = summary.name();
        data.type = summary.type();
        data.leaderSignoff = summary.leaderSignoff();
        binder.readBean(data);
        code.setReadOnly(true);
        title.setText(summary.name());
        state.setText(stateText(summary));
        aliasEditor.setVisible(true);
        showAliases(summary);
        register.setVisible(!summary.registered());
        toggleActive.setText(getTranslation(summary.active() ? "admin.action.deactivate" : "admin.action.reactivate"));
        toggleActive.setVisible(true);
    }

    private void configureFields() {
        code.setLabel(getTranslation("admin.field.code"));
        code.setHelperText(getTranslation("admin.units.codeHelp"));
        code.setId("unit-code");
        name.setLabel(getTranslation("admin.field.name"));
        name.setId("unit-name");
        type.setLabel(getTranslation("admin.field.type"));
        type.setItems(UnitType.values());
        type.setItemLabelGenerator(t -> getTranslation("admin.unitType." + t.name()));
        leaderSignoff.setLabel(getTranslation("admin.field.leaderSignoff"));
    }

    private void configureBinder() {
        binder.forField(code).asRequired(getTranslation("admin.validation.required"))
                .withValidator(new RegexpValidator(getTranslation("admin.validation.codePattern"), "[A-Z0-9_-]{2,40}"))
                .bind(d -> d.code, (d, v) -> d.code = v);
        binder.forField(name).asRequired(getTranslation("admin.validation.required"))
                .withValidator(new StringLengthValidator(getTranslation("admin.validation.maxLength", "100"), 1, 100))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(type).asRequired(getTranslation("admin.validation.required"))
                .bind(d -> d.type, (d, v) -> d.type = v);
        binder.forField(leaderSignoff).bind(d -> d.leaderSignoff, (d, v) -> d.leaderSignoff = v);
    }

    private FormLayout fields() {
        FormLayout form = new FormLayout(code, name, type, leaderSignoff);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private void configureAliasEditor() {
        aliasChips.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        aliasChips.getStyle().set("gap", "var(--lumo-space-xs)");
        newAlias.setPlaceholder(getTranslation("admin.units.aliasPlaceholder"));
        newAlias.setId("unit-new-alias");
        newAlias.setWidthFull();
        Button add = new Button(getTranslation("admin.action.addAlias"), e -> addAlias());
        add.setId("unit-add-alias");
        newAlias.addKeyPressListener(Key.ENTER, e -> addAlias());
        HorizontalLayout addRow = new HorizontalLayout(newAlias, add);
        addRow.setWidthFull();
        addRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        aliasEditor.setPadding(false);
        aliasEditor.setSpacing(false);
        aliasEditor.add(new Span(getTranslation("admin.field.aliases")), aliasChips, addRow);
    }

    private void showAliases(UnitSummary summary) {
        aliasChips.removeAll();
        if (summary.aliases().isEmpty()) {
            aliasChips.add(new Span(getTranslation("admin.units.noAliases")));
        }
        summary.aliases().forEach(alias -> aliasChips.add(chip(alias)));
    }

    private HorizontalLayout chip(String alias) {
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(),
                e -> fireEvent(new AliasRemoveEvent(this, unit, alias)));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel(getTranslation("admin.action.removeAlias", alias));
        remove.setTooltipText(getTranslation("admin.action.removeAlias", alias));
        HorizontalLayout chip = new HorizontalLayout(new Span(alias), remove);
        chip.setSpacing(false);
        chip.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        chip.getStyle().set("background", "var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "0 var(--lumo-space-xs) 0 var(--lumo-space-s)")
                .set("font-size", "var(--lumo-font-size-s)");
        return chip;
    }

    private void addAlias() {
        if (unit != null && !newAlias.isEmpty()) {
            fireEvent(new AliasAddEvent(this, unit, newAlias.getValue()));
        }
    }

    /** Clears the alias field once the view has stored it. */
    void aliasAdded() {
        newAlias.clear();
        newAlias.focus();
    }

    private HorizontalLayout buttons() {
        save.setText(getTranslation("admin.action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("unit-save");
        save.addClickListener(e -> save());
        register.setText(getTranslation("admin.action.markRegistered"));
        register.addClickListener(e -> fireEvent(new RegisterEvent(this, unit)));
        toggleActive.addThemeVariants(ButtonVariant.LUMO_ERROR);
        toggleActive.addClickListener(e -> confirmToggleActive());
        Button close = new Button(getTranslation("admin.action.close"), e -> fireEvent(new CloseEvent(this)));
        HorizontalLayout buttons = new HorizontalLayout(save, register, toggleActive, close);
        buttons.getStyle().set("flex-wrap", "wrap");
        return buttons;
    }

    private void save() {
        if (binder.writeBeanIfValid(data)) {
            fireEvent(new SaveEvent(this, unit, data));
        }
    }

    private void confirmToggleActive() {
        if (!unit.active()) {
            fireEvent(new ActiveEvent(this, unit, true));
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("admin.units.deactivateTitle", unit.name()));
        confirm.setText(getTranslation("admin.units.deactivateText", String.valueOf(unit.activeUsers())));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.action.cancel"));
        confirm.setConfirmText(getTranslation("admin.action.deactivate"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> fireEvent(new ActiveEvent(this, unit, false)));
        confirm.open();
    }

    private String stateText(UnitSummary summary) {
        return summary.code() + " · " + getTranslation(summary.active() ? "admin.state.active" : "admin.state.inactive")
                + " · " + getTranslation(summary.registered() ? "admin.state.registered" : "admin.state.unregistered")
                + " · " + getTranslation("admin.units.activeUsers", String.valueOf(summary.activeUsers()));
    }

    // events the view listens to; the unit is null for a new one

    abstract static class UnitFormEvent extends ComponentEvent<UnitForm> {
        private final UnitSummary unit;

        UnitFormEvent(UnitForm source, UnitSummary unit) {
            super(source, false);
            this.unit = unit;
        }

        UnitSummary unit() {
            return unit;
        }
    }

    static final class SaveEvent extends UnitFormEvent {
        private final Data data;

        SaveEvent(UnitForm source, UnitSummary unit, Data data) {
            super(source, unit);
            this.data = data;
        }

        Data data() {
            return data;
        }
    }

    static final class AliasAddEvent extends UnitFormEvent {
        private final String alias;

        AliasAddEvent(UnitForm source, UnitSummary unit, String alias) {
            super(source, unit);
            this.alias = alias;
        }

        String alias() {
            return alias;
        }
    }

    static final class AliasRemoveEvent extends UnitFormEvent {
        private final String alias;

        AliasRemoveEvent(UnitForm source, UnitSummary unit, String alias) {
            super(source, unit);
            this.alias = alias;
        }

        String alias() {
            return alias;
        }
    }

    static final class ActiveEvent extends UnitFormEvent {
        private final boolean active;

        ActiveEvent(UnitForm source, UnitSummary unit, boolean active) {
            super(source, unit);
            this.active = active;
        }

        boolean active() {
            return active;
        }
    }

    static final class RegisterEvent extends UnitFormEvent {
        RegisterEvent(UnitForm source, UnitSummary unit) {
            super(source, unit);
        }
    }

    static final class CloseEvent extends UnitFormEvent {
        CloseEvent(UnitForm source) {
            super(source, null);
        }
    }

    <T extends ComponentEvent<?>> Registration on(Class<T> type, ComponentEventListener<T> listener) {
        return getEventBus().addListener(type, listener);
    }
}
