package org.duban.shared;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/**
 * Identity for every Duban table: one shared, pooled sequence, which works on H2, PostgreSQL and Oracle alike and
 * lets Hibernate batch inserts (identity columns would not).
 */
@MappedSuperclass
public abstract class BaseEntity {

    /**
     * Length of free-text columns (the {@code ${text}} placeholder in migrations): a long VARCHAR on H2 and
     * PostgreSQL, a CLOB on Oracle. Plain strings, so no LOB handling anywhere.
     */
    public static final int LONG_TEXT = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "duban_seq")
    @SequenceGenerator(name = "duban_seq", sequenceName = "duban_seq", allocationSize = 50)
    private Long id;

    public Long getId() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || org.hibernate.Hibernate.getClass(this) != org.hibernate.Hibernate.getClass(other)) {
            return false;
        }
        // getId(), not the field: on a lazy proxy the field is never set
        return getId() != null && getId().equals(((BaseEntity) other).getId());
    }

    @Override
    public int hashCode() {
        return org.hibernate.Hibernate.getClass(this).hashCode();
    }
}
