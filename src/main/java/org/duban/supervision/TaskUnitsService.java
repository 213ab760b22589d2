package org.duban.supervision;

import java.util.Comparator;
import java.util.List;
import org.duban.audit.AuditService;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.KeyTask;
import org.duban.catalog.KeyTaskRepository;
import org.duban.catalog.TaskStatus;
import org.duban.org.Unit;
import org.duban.org.UnitService;
import org.duban.security.CurrentUser;
import org.duban.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision office assigns tasks (DESIGN §2): it adds a participating or co-leading unit to a task or takes one
 * off, with a reason, audited. A change applies from the next reporting cycle opened; reports already opened stay as
 * they are (a removed unit's reports keep their history). The primary lead changes only through an adjustment.
 */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
public class TaskUnitsService {

    /** A unit the office may add. */
    public record UnitChoice(String code, String name) {
    }

    private final KeyTaskRepository tasks;
    private final UnitService units;
    private final CurrentUser currentUser;
    private final AuditService audit;

    TaskUnitsService(KeyTaskRepository tasks, UnitService units, CurrentUser currentUser, AuditService audit) {
        this.tasks = tasks;
        this.units = units;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Units not on the task yet, by name. */
    @Transactional(readOnly = true)
    public List<UnitChoice> addable(Long keyTaskId) {
        KeyTask task = find(keyTaskId);
        return units.findAll().stream().filter(u -> task.getAssignments().stream().noneMatch(a -> a.getUnit()
                .equals(u))).sorted(Comparator.comparing(Unit::getName)).map(u -> new UnitChoice(u.getCode(),
                        u.getName())).toList();
    }

    @Transactional
    public void add(Long keyTaskId, String unitCode, AssignmentRole role, String reason) {
        KeyTask task = changeable(keyTaskId, reason);
        if (role == AssignmentRole.PRIMARY_LEAD) {
            throw new IllegalArgumentException("主牵头单位请通过分工调整更换 / the primary lead is changed through an"
                    + " adjustment");
        }
        Unit unit = units.findByCode(unitCode).orElseThrow(() -> new NotFoundException("没有此单位 / no unit "
                + unitCode));
        if (task.getAssignments().stream().anyMatch(a -> a.getUnit().equals(unit))) {
            throw new IllegalArgumentException(unit.getName() + " 已承担此任务 / " + unitCode + " is already assigned");
        }
        String before = KeyTaskSteps.unitsOf(task);
        task.assign(unit, role);
        audit.record(currentUser.require().getUsername(), "TASK_UNITS_CHANGED", "KeyTask", task.getCode(), reason,
                before, KeyTaskSteps.unitsOf(task));
    }

    @Transactional
    public void remove(Long keyTaskId, String unitCode, String reason) {
        KeyTask task = changeable(keyTaskId, reason);
        Unit unit = units.findByCode(unitCode).orElseThrow(() -> new NotFoundException("没有此单位 / no unit "
                + unitCode));
        String before = KeyTaskSteps.unitsOf(task);
        task.removeUnit(unit);
        audit.record(currentUser.require().getUsername(), "TASK_UNITS_CHANGED", "KeyTask", task.getCode(), reason,
                before, KeyTaskSteps.unitsOf(task));
    }

    private KeyTask changeable(Long keyTaskId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("请填写调整理由 / give a reason for the change");
        }
        KeyTask task = find(keyTaskId);
        if (task.primaryLead().isEmpty()) {
            throw new IllegalStateException("此任务由督查室直接办理，没有承担单位 / the supervision office runs this task"
                    + " itself");
        }
        if (task.getStatus() != TaskStatus.ACTIVE) {
            throw new IllegalStateException("任务" + task.getCode() + "已" + (task.getStatus() == TaskStatus.CLOSED
                    ? "销号" : "撤销") + "，不能调整单位 / the task is " + task.getStatus().name().toLowerCase());
        }
        return task;
    }

    private KeyTask find(Long keyTaskId) {
        return tasks.findById(keyTaskId).orElseThrow(() -> new NotFoundException("No task " + keyTaskId));
    }
}
