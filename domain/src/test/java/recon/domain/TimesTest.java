package recon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TimesTest {
    @Test
    void dayIsTheShanghaiDate() {
        long justAfterMidnightInShanghai = Times.of(LocalDateTime.of(2026, 11, 2, 0, 0, 1));
        assertThat(Times.day(justAfterMidnightInShanghai)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(Times.day(justAfterMidnightInShanghai - 2)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(Times.startOf(LocalDate.of(2026, 11, 2))).isEqualTo(justAfterMidnightInShanghai - 1);
    }

    @Test
    void isoTimesCarryTheOffsetAndSeconds() {
        assertThat(Times.iso(Times.of(LocalDateTime.of(2026, 11, 2, 10, 15)))).isEqualTo("2026-11-02T10:15:00+08:00");
    }
}
