package org.duban.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.duban.shared.BaseEntity;

/** A day that breaks the weekday rule: a holiday on a weekday, or a make-up working day (调休) on a weekend. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends BaseEntity {

    public enum Kind {
        /** Statutory holiday: no work, even on a weekday. */
        HOLIDAY,
        /** Make-up working day: work, even on a weekend. */
        WORKDAY
    }

    @Column(name = "cal_date", nullable = false, unique = true)
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Kind kind;

    @Column(nullable = false, length = 40)
    private String name;

    protected CalendarDay() {
    }

    public CalendarDay(LocalDate day, Kind kind, String name) {
        this.day = day;
        this.kind = kind;
        this.name = name;
    }

    public LocalDate getDay() {
        return day;
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }
}
