package org.duban.catalog;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the catalog for screens and other features. */
@Service
@Transactional(readOnly = true)
public class CatalogQueryService {

    private final PlanRepository plans;
    private final KeyTaskRepository tasks;

    public CatalogQueryService(PlanRepository plans, KeyTaskRepository tasks) {
        this.plans = plans;
        this.tasks = tasks;
    }

    public List<PlanSummary> planSummaries() {
        return plans.findAllByOrderByYearDescIdDesc().stream()
                .map(p -> new PlanSummary(p.getId(), p.getDocumentNumber(), p.getYear(), p.getTitle(),
                        p.getSections().size(), tasks.countByPlanId(p.getId())))
                .toList();
    }
}
