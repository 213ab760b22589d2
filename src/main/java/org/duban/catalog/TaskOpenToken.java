package org.duban.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.duban.shared.BaseEntity;

/** A group token such as 有关县区政府 that an admin still has to settle into concrete units. */
@Entity
@Table(name = "task_open_token")
public class TaskOpenToken extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @Column(nullable = false, length = 100)
    private String token;

    protected TaskOpenToken() {
    }

    TaskOpenToken(KeyTask task, String token) {
        this.task = task;
        this.token = token;
    }

    public KeyTask getTask() {
        return task;
    }

    public String getToken() {
        return token;
    }
}
