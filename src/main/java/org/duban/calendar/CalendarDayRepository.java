package org.duban.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CalendarDayRepository extends JpaRepository<CalendarDay, Long> {

    List<CalendarDay> findByDayBetweenOrderByDay(LocalDate from, LocalDate to);

    Optional<CalendarDay> findByDay(LocalDate day);
}
