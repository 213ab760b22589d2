package org.duban.ui.dashboard;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Optional;
import org.duban.dashboard.PlanScope;

/**
 * The plan and cycle choice of the dashboard and the assessment: {@code ?plan=<id>&cycle=<id>} choose, otherwise the
 * newest plan with an opened cycle and its latest cycle; no cycle means all cycles of the plan. Changing the plan
 * moves to that plan's latest cycle. Calls back once per change the user makes, never while it sets itself up.
 */
public class PlanCyclePicker extends HorizontalLayout {

    private final Select<PlanScope> plan = new Select<>();
    private final Select<PlanScope.Cycle> cycle = new Select<>();
    private final Runnable onChange;
    private boolean updating;

    /** {@code idPrefix} names the two selects ({@code <prefix>-plan}, {@code <prefix>-cycle}). */
    public PlanCyclePicker(String idPrefix, String allCyclesKey, Runnable onChange) {
        this.onChange = onChange;
        plan.setId(idPrefix + "-plan");
        plan.setLabel(getTranslation("dashboard.filter.plan"));
        plan.setItemLabelGenerator(p -> p == null ? "" : p.label() + " " + p.title());
        plan.setWidth("28em");
        cycle.setId(idPrefix + "-cycle");
        cycle.setLabel(getTranslation("dashboard.filter.cycle"));
        cycle.setEmptySelectionAllowed(true);
        cycle.setEmptySelectionCaption(getTranslation(allCyclesKey));
        cycle.setItemLabelGenerator(c -> c == null ? getTranslation(allCyclesKey)
                : getTranslation("dashboard.filter.cycleLabel", c.periodCode(), c.dueOn().toString()));
        plan.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                show(e.getValue(), latest(e.getValue()));
                onChange.run();
            }
        });
        cycle.addValueChangeListener(e -> {
            if (!updating) {
                onChange.run();
            }
        });
        add(plan, cycle);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
    }

    /** Offers the plans and picks the one the query names (or the default); empty when there is no plan at all. */
    public Optional<PlanScope> choose(List<PlanScope> plans, QueryParameters query) {
        plan.setItems(plans);
        Optional<Long> planId = number(query, "plan");
        Optional<Long> cycleId = number(query, "cycle");
        PlanScope chosen = plans.stream().filter(p -> planId.map(p.planId()::equals).orElse(false)).findFirst()
                .orElseGet(() -> plans.stream().filter(p -> !p.cycles().isEmpty()).findFirst()
                        .orElse(plans.isEmpty() ? null : plans.get(0)));
        if (chosen == null) {
            return Optional.empty();
        }
        show(chosen, cycleId.isPresent()
                ? chosen.cycles().stream().filter(c -> c.cycleId().equals(cycleId.get())).findFirst().orElse(null)
                : latest(chosen));
        return Optional.of(chosen);
    }

    /** The chosen plan, if any. */
    public Optional<PlanScope> plan() {
        return Optional.ofNullable(plan.getValue());
    }

    /** The chosen cycle's id; null for all cycles. */
    public Long cycleId() {
        return cycle.getValue() == null ? null : cycle.getValue().cycleId();
    }

    private void show(PlanScope chosen, PlanScope.Cycle chosenCycle) {
        updating = true;
        plan.setValue(chosen);
        cycle.setItems(chosen.cycles());
        cycle.setValue(chosenCycle);
        updating = false;
    }

    private static PlanScope.Cycle latest(PlanScope scope) {
        return scope.cycles().isEmpty() ? null : scope.cycles().get(scope.cycles().size() - 1);
    }

    private static Optional<Long> number(QueryParameters query, String name) {
        return query.getSingleParameter(name).filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf);
    }
}
