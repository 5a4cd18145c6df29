package recon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import recon.domain.StoreConfig;

class StoreConfigJsonTest {
    private static StoreConfig read(String json) throws IOException {
        return StoreConfigJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void emptyObjectGivesTheDocumentedDefaults() throws IOException {
        assertThat(read("{}")).isEqualTo(StoreConfig.DEFAULT);
        assertThat(StoreConfig.DEFAULT.toleranceFen()).isEqualTo(1);
        assertThat(StoreConfig.DEFAULT.graceDays()).isEqualTo(3);
        assertThat(StoreConfig.DEFAULT.autoConfirmDays()).isEqualTo(20);
    }

    @Test
    void readsEveryKeyOfTheContract() throws IOException {
        StoreConfig config = read("""
                {"commission": {"default": "0.03", "byCategory": {"女装": "0.05"}}, "toleranceYuan": "0.10",
                 "graceDays": 5, "autoConfirmDays": 15, "refundRateHigh": "0.25", "feeRatioFactor": "2"}""");
        assertThat(config.commissionRate("女装")).isEqualByComparingTo("0.05");
        assertThat(config.commissionRate("数码")).isEqualByComparingTo("0.03");
        assertThat(config.toleranceFen()).isEqualTo(10);
        assertThat(config.graceDays()).isEqualTo(5);
        assertThat(config.autoConfirmDays()).isEqualTo(15);
        assertThat(config.refundRateHigh()).isEqualByComparingTo(new BigDecimal("0.25"));
        assertThat(config.feeRatioFactor()).isEqualByComparingTo(new BigDecimal("2"));
    }

    @Test
    void numbersAreAcceptedAsWellAsStrings() throws IOException {
        assertThat(read("{\"commission\": {\"default\": 0.05}}").commissionDefault()).isEqualByComparingTo("0.05");
    }

    @Test
    void unknownKeyIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> read("{\"graceDay\": 3}")).hasMessageStartingWith("graceDay: unknown key");
        assertThatThrownBy(() -> read("{\"commission\": {\"rate\": \"0.02\"}}"))
                .hasMessageStartingWith("commission.rate: unknown key");
    }

    @Test
    void malformedValuesAreErrorsNamingTheKey() {
        assertThatThrownBy(() -> read("{\"graceDays\": \"three\"}")).hasMessageStartingWith("graceDays:");
        assertThatThrownBy(() -> read("{\"graceDays\": 2.5}")).hasMessageStartingWith("graceDays:");
        assertThatThrownBy(() -> read("{\"commission\": {\"default\": \"2%\"}}"))
                .hasMessageStartingWith("commission.default:");
        assertThatThrownBy(() -> read("{\"commission\": {\"byCategory\": {\"女装\": \"1.5\"}}}"))
                .hasMessageStartingWith("commission.byCategory.女装");
        assertThatThrownBy(() -> read("{\"toleranceYuan\": \"0.001\"}")).hasMessageStartingWith("toleranceYuan:");
        assertThatThrownBy(() -> read("{\"graceDays\": 3,")).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> read("[1]")).hasMessageStartingWith("(top level): must be an object");
    }

    @Test
    void aKeyGivenAsNullIsMalformedNotTheDefault() {
        assertThatThrownBy(() -> read("{\"graceDays\": null}")).hasMessage("graceDays: must be a whole number of days, got null");
        assertThatThrownBy(() -> read("{\"commission\": null}")).hasMessageStartingWith("commission: must be an object");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> read("{\"graceDays\": 3, \"graceDays\": 4}")).hasMessageStartingWith("not valid JSON");
    }

    @Test
    void anEmptyFileIsTheDefaultConfig() throws IOException {
        assertThat(read("")).isEqualTo(StoreConfig.DEFAULT);
        assertThat(read(" \n")).isEqualTo(StoreConfig.DEFAULT);
    }

    @Test
    void trailingZerosOfANumberAreDroppedThoseOfAStringKept() throws IOException {
        assertThat(read("{\"feeRatioFactor\": 1.50}").feeRatioFactor().toPlainString()).isEqualTo("1.5");
        assertThat(read("{\"feeRatioFactor\": \"1.50\"}").feeRatioFactor().toPlainString()).isEqualTo("1.50");
    }
}
