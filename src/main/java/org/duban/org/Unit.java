package org.duban.org;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.duban.shared.BaseEntity;

/** An organisational unit: a city department, a county/district, a development zone, or another body. */
@Entity
@Table(name = "org_unit")
public class Unit extends BaseEntity {

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type", nullable = false, length = 20)
    private UnitType type;

    /** False for units that a document named but the registry did not know; an admin reviews them. */
    @Column(nullable = false)
    private boolean registered;

    @Column(nullable = false)
    private boolean active = true;

    /** Whether the unit leader signs off reports before they leave the unit. */
    @Column(name = "leader_signoff", nullable = false)
    private boolean leaderSignoff;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @OneToMany(mappedBy = "unit", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<UnitAlias> aliases = new ArrayList<>();

    @Version
    private long version;

    protected Unit() {
    }

    public Unit(String code, String name, UnitType type, boolean registered, int sortOrder) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.registered = registered;
        this.sortOrder = sortOrder;
    }

    public void addAlias(String alias) {
        if (aliases.stream().noneMatch(a -> a.getAlias().equals(alias))) {
            aliases.add(new UnitAlias(this, alias));
        }
    }

    public UnitRef toRef() {
        return new UnitRef(code, name, type);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UnitType getType() {
        return type;
    }

    public void setType(UnitType type) {
        this.type = type;
    }

    public boolean isRegistered() {
        return registered;
    }

    public void setRegistered(boolean registered) {
        this.registered = registered;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean isLeaderSignoff() {
        return leaderSignoff;
    }

    public void setLeaderSignoff(boolean leaderSignoff) {
        this.leaderSignoff = leaderSignoff;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public List<UnitAlias> getAliases() {
        return Collections.unmodifiableList(aliases);
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
