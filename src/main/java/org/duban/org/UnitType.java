package org.duban.org;

/** Kind of organisational unit; COUNTY and ZONE together are the "县区" level. */
public enum UnitType {
    CITY_DEPT, COUNTY, ZONE, OTHER;

    public boolean isCountyLevel() {
        return this == COUNTY || this == ZONE;
    }
}
