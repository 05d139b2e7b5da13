package vn.lienthong.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written date conversions give what the strict formatters give, and refuse what they refuse. */
class PortalDatesTest {

    @Test
    void everySecondOfManyRandomDatesConvertsAsTheFormattersWould() {
        Random random = new Random(45_2020);
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime time = LocalDateTime.of(1990, 1, 1, 0, 0).plusSeconds(random.nextLong(2_000_000_000L));
            String portal = time.format(PortalDates.PORTAL);
            String vietNam = time.atOffset(ZoneOffset.ofHours(7)).format(iso);
            String utc = time.atOffset(ZoneOffset.ofHours(7)).withOffsetSameInstant(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

            assertThat(PortalDates.parsePortal(portal)).isEqualTo(time);
            assertThat(PortalDates.fromPortal(portal)).isEqualTo(vietNam);
            assertThat(PortalDates.toPortal(vietNam)).isEqualTo(portal);
            assertThat(PortalDates.toPortal(utc)).as(utc).isEqualTo(portal);
        }
    }

    @Test
    void otherOffsetsAndFractionsGoThroughTheFormatter() {
        assertThat(PortalDates.toPortal("2025-03-01T00:30:00.750+09:00")).isEqualTo("20250228223000");
        assertThat(PortalDates.toPortal("2025-02-28T17:30:00Z")).isEqualTo("20250301003000");
        assertThat(OffsetDateTime.parse(PortalDates.fromPortal("20240229235959")))
                .isEqualTo(OffsetDateTime.parse("2024-02-29T23:59:59+07:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20250230120000", "20251301120000", "20250101240000", "20250101126000", "2025010112000",
            "2025-01-01 12:00", "2025O101120000"})
    void impossibleOrMisshapenPortalDatesAreRefused(String value) {
        assertThatThrownBy(() -> PortalDates.parsePortal(value)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> PortalDates.fromPortal(value)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30T12:00:00+07:00", "2025-13-01T12:00:00+07:00", "2025-01-01T25:00:00+07:00",
            "2025-01-01T12:00:00", "2025-1-01T12:00:00+07:00", "not a date"})
    void impossibleOrMisshapenIsoDatesAreRefused(String value) {
        assertThatThrownBy(() -> PortalDates.toPortal(value)).isInstanceOf(DateTimeParseException.class);
    }
}
