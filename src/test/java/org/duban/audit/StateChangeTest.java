package org.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateChangeTest {

    @Test
    void jsonStatesListOnlyTheFieldsThatChanged() {
        assertThat(StateChange.text("{\"name\":\"曹县\",\"active\":true,\"sort\":3}",
                "{\"name\":\"曹县人民政府\",\"active\":true,\"sort\":3,\"aliases\":[\"曹\"]}"))
                .isEqualTo("name: 曹县 → 曹县人民政府\naliases: — → [\"曹\"]");
    }

    @Test
    void aFirstSnapshotListsEveryField() {
        assertThat(StateChange.lines(null, "{\"narrative\":\"草稿\",\"percentDone\":20}"))
                .extracting(Object::toString).containsExactly("narrative: — → 草稿", "percentDone: — → 20");
    }

    @Test
    void plainStatesAreOneLineAndEqualOnesNone() {
        assertThat(StateChange.text("AWAITING_REVIEW", "APPROVED")).isEqualTo("AWAITING_REVIEW → APPROVED");
        assertThat(StateChange.text(null, "URGE")).isEqualTo("— → URGE");
        assertThat(StateChange.text("ACTIVE", "ACTIVE")).isEmpty();
        assertThat(StateChange.lines(null, null)).isEmpty();
        assertThat(StateChange.text("{not json", "{\"a\":1}")).isEqualTo("{not json → {\"a\":1}");
    }
}
