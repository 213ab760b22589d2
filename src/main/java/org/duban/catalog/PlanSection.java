package org.duban.catalog;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.duban.shared.BaseEntity;

/** A numbered part of a plan (一、深入实施创新驱动发展战略). */
@Entity
@Table(name = "plan_section")
public class PlanSection extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Column(name = "section_no", nullable = false)
    private int number;

    /** The numeral as printed: 一, 二, … 十一. */
    @Column(nullable = false, length = 20)
    private String label;

    @Column(nullable = false, length = 300)
    private String title;

    @OneToMany(mappedBy = "section", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<KeyTask> tasks = new ArrayList<>();

    protected PlanSection() {
    }

    PlanSection(Plan plan, int number, String label, String title) {
        this.plan = plan;
        this.number = number;
        this.label = label;
        this.title = title;
    }

    /** A new version of the document gave the section another title. */
    void retitle(String newTitle) {
        this.title = newTitle;
    }

    public KeyTask addTask(int taskNumber, String title, String body) {
        KeyTask task = new KeyTask(plan, this, taskNumber, plan.taskCode(taskNumber), title, body);
        tasks.add(task);
        return task;
    }

    public Plan getPlan() {
        return plan;
    }

    public int getNumber() {
        return number;
    }

    public String getLabel() {
        return label;
    }

    public String getTitle() {
        return title;
    }

    public List<KeyTask> getTasks() {
        return Collections.unmodifiableList(tasks);
    }
}
