package org.duban.ui.form;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.duban.inbox.TaskFormService;
import org.duban.supervision.WorkPlanSheet;
import org.duban.supervision.WorkPlanSheet.Target;
import org.duban.supervision.WorkPlanSheet.UnitRef;

/**
 * The work plan's split (DESIGN §4: "per-participant share of each indicator"): one row per reporting unit, one
 * number per indicator, and, where the task has several lead units, which of them reviews that unit's reports. The
 * footer sums each indicator against its target. Its values join the form's on submit; the service checks them.
 */
class WorkPlanSharesEditor extends VerticalLayout {

    private final WorkPlanSheet sheet;
    private final Map<String, BigDecimalField> shareFields = new LinkedHashMap<>();
    private final Map<String, Select<UnitRef>> reviewerSelects = new LinkedHashMap<>();
    private final Map<Long, Grid.Column<UnitRef>> columns = new LinkedHashMap<>();
    private boolean changed;

    WorkPlanSharesEditor(WorkPlanSheet sheet) {
        this.sheet = sheet;
        setId("work-plan-shares");
        setPadding(false);
        Grid<UnitRef> grid = new Grid<>();
        grid.setId("work-plan-shares-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(UnitRef::name).setHeader(getTranslation("work.plan.unit")).setAutoWidth(true).setFlexGrow(0)
                .setFooter(getTranslation("work.plan.total"));
        for (Target indicator : sheet.indicators()) {
            Grid.Column<UnitRef> column = grid.addComponentColumn(unit -> shareField(indicator, unit))
                    .setHeader(indicator.phrase() + "（" + amount(indicator.value(), indicator.measureUnit()) + "）")
                    .setFlexGrow(1);
            columns.put(indicator.id(), column);
        }
        boolean reviewerChoice = sheet.leads().size() > 1;
        if (reviewerChoice) {
            grid.addComponentColumn(this::reviewerSelect).setHeader(getTranslation("work.plan.reviewer"))
                    .setAutoWidth(true);
        }
        grid.setItems(sheet.reporting());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("work.plan.noUnits"));
        sheet.indicators().forEach(this::updateTotal);
        add(new H3(getTranslation("work.plan.title")), new Paragraph(getTranslation(reviewerChoice
                ? "work.plan.hint.reviewers" : "work.plan.hint")), grid);
    }

    private Component shareField(Target indicator, UnitRef unit) {
        return shareFields.computeIfAbsent(WorkPlanSheet.key(indicator.id(), unit.code()), key -> {
            BigDecimalField field = new BigDecimalField();
            field.setId("share-" + indicator.id() + "-" + unit.code());
            field.setWidthFull();
            field.setSuffixComponent(new com.vaadin.flow.component.html.Span(
                    Objects.toString(indicator.measureUnit(), "")));
            field.setValue(sheet.shares().get(key));
            field.addValueChangeListener(e -> {
                changed = true;
                updateTotal(indicator);
            });
            return field;
        });
    }

    private Component reviewerSelect(UnitRef unit) {
        return reviewerSelects.computeIfAbsent(unit.code(), code -> {
            Select<UnitRef> select = new Select<>();
            select.setId("reviewer-" + code);
            List<UnitRef> choices = sheet.leads().stream().filter(l -> !l.code().equals(code)).toList();
            select.setItems(choices);
            select.setItemLabelGenerator(u -> u == null ? "" : u.name());
            String current = sheet.reviewers().get(code);
            choices.stream().filter(c -> c.code().equals(current)).findFirst().ifPresent(select::setValue);
            select.addValueChangeListener(e -> changed = true);
            return select;
        });
    }

    private void updateTotal(Target indicator) {
        BigDecimal total = sheet.reporting().stream().map(u -> {
            BigDecimalField field = shareFields.get(WorkPlanSheet.key(indicator.id(), u.code()));
            return field != null ? field.getValue() : sheet.shares().get(WorkPlanSheet.key(indicator.id(), u.code()));
        }).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        // a rate (80%) is each unit's own target, not a quantity the units' shares add up to
        columns.get(indicator.id()).setFooter("%".equals(indicator.measureUnit())
                ? getTranslation("work.plan.rate", amount(indicator.value(), indicator.measureUnit()))
                : getTranslation("work.plan.sum", amount(total, indicator.measureUnit()),
                        amount(indicator.value(), indicator.measureUnit())));
    }

    /** Whether the user changed a share or a reviewer since the screen opened. */
    boolean isChanged() {
        return changed;
    }

    /** The split as {@link TaskFormService} reads it: every cell (blank: no share) and the reviewers chosen. */
    Map<String, Object> values() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Target indicator : sheet.indicators()) {
            for (UnitRef unit : sheet.reporting()) {
                String key = WorkPlanSheet.key(indicator.id(), unit.code());
                BigDecimalField field = shareFields.get(key);
                BigDecimal value = field != null ? field.getValue() : sheet.shares().get(key);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("indicatorId", indicator.id());
                row.put("unitCode", unit.code());
                row.put("value", value == null ? null : value.toPlainString());
                rows.add(row);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(TaskFormService.WORK_PLAN_SHARES, rows);
        if (sheet.leads().size() > 1) {
            Map<String, String> reviewers = new LinkedHashMap<>(sheet.reviewers());
            reviewerSelects.forEach((code, select) -> {
                if (select.getValue() != null) {
                    reviewers.put(code, select.getValue().code());
                }
            });
            values.put(TaskFormService.WORK_PLAN_REVIEWERS, reviewers);
        }
        return values;
    }

    private static String amount(BigDecimal value, String measureUnit) {
        return value.stripTrailingZeros().toPlainString() + Objects.toString(measureUnit, "");
    }
}
