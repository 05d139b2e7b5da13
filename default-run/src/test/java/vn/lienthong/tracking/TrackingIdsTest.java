package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TrackingIdsTest {

    @Test
    void idsAreVersion7UuidsThatSortByTheirTimeAndDoNotRepeat() {
        long before = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            ids.add(TrackingIds.next());
        }
        long after = System.currentTimeMillis();

        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        for (String id : ids) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).isEqualTo(uuid.toString());
            assertThat(millis(id)).isBetween(before, after);
        }
        // Sorted as text (as the database's indexes sort them), they are in the order of their milliseconds.
        List<String> sorted = ids.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(millis(sorted.get(i))).isGreaterThanOrEqualTo(millis(sorted.get(i - 1)));
        }
    }

    private static long millis(String id) {
        return UUID.fromString(id).getMostSignificantBits() >>> 16;
    }
}
