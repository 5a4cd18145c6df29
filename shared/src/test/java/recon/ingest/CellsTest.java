package recon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import recon.domain.Times;

class CellsTest {

    @Test
    void cleaningUnwrapsExcelFormulaTextAndTrimsTabsAndSpaces() {
        assertThat(Cells.clean("=\"3553498017448001\"")).isEqualTo("3553498017448001");
        assertThat(Cells.clean("2088123456789012\t")).isEqualTo("2088123456789012");
        assertThat(Cells.clean("\t 交易付款  ")).isEqualTo("交易付款");
        assertThat(Cells.clean("")).isEmpty();
        assertThat(Cells.clean("   ")).isEmpty();
        assertThat(Cells.clean(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,234.50|123450", "￥12.00|1200", "¥12|1200", "12|1200", "-3.2|-320", "+3|300", "0.01|1",
        "-￥5.5|-550", "1,000,000|100000000", "12.|1200", ".5|50"})
    void parsesAmountsToFen(String text, long fen) {
        assertThat(Cells.fen(text)).isEqualTo(fen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "1e309", "NaN", "--5", "12元", "abc", "1,2", ",12", "1 2", "1,2345", "-", "￥",
        "1234567890123456"})
    void refusesWhatIsNotAnAmount(String text) {
        assertThat(Cells.fen(text)).isEqualTo(Cells.INVALID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-02 10:11:12|2026-11-02T10:11:12",
        "2026/11/2 10:11:12|2026-11-02T10:11:12",
        "2026-11-02 10:11|2026-11-02T10:11:00",
        "2026-11-02|2026-11-02T00:00:00",
        "2026年11月02日 10:11:12|2026-11-02T10:11:12",
        "2028-02-29 23:59:59|2028-02-29T23:59:59"})
    void parsesShanghaiTimes(String text, String local) {
        assertThat(Cells.time(text)).isEqualTo(Times.of(LocalDateTime.parse(local)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-45", "2026-02-29", "2026-11-02 24:00:00", "2026-11-02 10:61",
        "26-11-02", "2026-11-02 10", "2026-11/02", "昨天", "2026年11月02 10:11:12"})
    void refusesTimesThatDoNotExist(String text) {
        assertThat(Cells.time(text)).isEqualTo(Cells.INVALID);
    }

    @Test
    void emptyTimeIsNone() {
        assertThat(Cells.time("")).isEqualTo(Times.NONE);
    }

    @Test
    void recognisesIdsDestroyedByScientificNotation() {
        assertThat(Cells.isScientific("3.55349801744800E+18")).isTrue();
        assertThat(Cells.isScientific("3.5535E18")).isTrue();
        assertThat(Cells.isScientific("3553498017448001")).isFalse();
        assertThat(Cells.isScientific("T200P3.5E+18")).isFalse();
        assertThat(Cells.isDigits("3553498017448001")).isTrue();
        assertThat(Cells.isDigits("3553 498")).isFalse();
        assertThat(Cells.isDigits("")).isFalse();
    }

    @Test
    void headerNamesIgnoreWidthOfParenthesesColonsSpacesAndBom() {
        assertThat(Cells.headerName("\uFEFF收入金额（+元）")).isEqualTo("收入金额(+元)");
        assertThat(Cells.headerName(" 收入金额 (+元) ")).isEqualTo("收入金额(+元)");
        assertThat(Cells.headerName("备注：")).isEqualTo("备注:");
    }

    @Test
    void buyerHashIsStableAndHidesTheNick() {
        String hash = Cells.buyerHash(Cells.sha256(), "tb_小明");
        assertThat(hash).hasSize(16).matches("[0-9a-f]{16}").isEqualTo(Cells.buyerHash(Cells.sha256(), "tb_小明"));
        assertThat(hash).isNotEqualTo(Cells.buyerHash(Cells.sha256(), "tb_小红"));
    }
}
