package recon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.StoreConfig;
import recon.testing.Gen;
import recon.testing.Property;

class StoreConfigJsonTest {
    private static StoreConfig read(String json) throws IOException {
        return StoreConfigJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** What a damaged config.json may hold: JSON's own characters, and numbers too long or too small. */
    private static final String[] INSERTED = {"9", "-", "e", "\"", "{", "}", "[", "]", ",", ":", "null", "1e999",
        "0.000000000000000000001", "99999999999999999999"};

    /**
     * A config of the contract's keys, damaged at random (a flipped bit, a deleted character, an inserted
     * token, truncation), is read or refused as invalid naming why: no other exception gets out to the
     * match stage or the command line. 10,000 tries (about a second): 1,000 missed the toleranceYuan
     * too large for a long (5d44723), which needs one token inserted at one of two places.
     */
    @Test
    void aDamagedConfigIsReadOrRefusedAsInvalid() {
        Property.tries(10_000).forAll(damagedConfigs(), damaged -> {
            try {
                StoreConfigJson.read(new ByteArrayInputStream(damaged.bytes()));
            } catch (StoreConfigJson.InvalidConfigException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    /** A config.json after its damages, and what they were. */
    record Damaged(List<String> damages, byte[] bytes) {
        @Override
        public String toString() {
            return damages + " give " + Property.show(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** The config, damaged one to four times. */
    private static Gen<Damaged> damagedConfigs() {
        return c -> {
            String text = """
                    {"commission": {"default": "0.02", "byCategory": {"女装": "0.05"}}, "toleranceYuan": "0.01",
                     "graceDays": 3, "autoConfirmDays": 20, "refundRateHigh": "0.30", "feeRatioFactor": "1.5",
                     "autoResolve": [{"type": "AMOUNT_MISMATCH", "maxYuan": "0.50", "note": "合理误差"}]}""";
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            List<String> damages = new ArrayList<>();
            for (int left = 1 + c.nextInt(4); left > 0 && bytes.length > 0; left--) {
                int at = c.nextInt(bytes.length);
                byte[] before = Arrays.copyOfRange(bytes, 0, at);
                byte[] after = Arrays.copyOfRange(bytes, at, bytes.length);
                bytes = switch (c.nextInt(4)) {
                    case 0 -> {
                        int bit = c.nextInt(8);
                        damages.add("bit " + bit + " of byte " + at + " flipped");
                        after[0] ^= (byte) (1 << bit);
                        yield concat(before, after);
                    }
                    case 1 -> {
                        damages.add("byte " + at + " deleted");
                        yield concat(before, Arrays.copyOfRange(after, 1, after.length));
                    }
                    case 2 -> {
                        String inserted = INSERTED[c.nextInt(INSERTED.length)];
                        damages.add(inserted + " inserted at " + at);
                        yield concat(before, inserted.getBytes(StandardCharsets.UTF_8), after);
                    }
                    default -> {
                        damages.add("cut at " + at);
                        yield before;
                    }
                };
            }
            return new Damaged(damages, bytes);
        };
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
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
    void readsTheAutoResolveRulesInTheirOrder() throws IOException {
        StoreConfig config = read("""
                {"autoResolve": [{"type": "AMOUNT_MISMATCH", "maxYuan": "0.50", "note": "合理误差"},
                                 {"type": "FEE_MISMATCH", "maxYuan": 1, "note": "佣金四舍五入"}]}""");

        assertThat(config.autoResolve()).containsExactly(
                new StoreConfig.AutoResolve(AnomalyType.AMOUNT_MISMATCH, 50, "合理误差"),
                new StoreConfig.AutoResolve(AnomalyType.FEE_MISMATCH, 100, "佣金四舍五入"));
        assertThat(StoreConfig.DEFAULT.autoResolve()).isEmpty();
    }

    @Test
    void aMalformedAutoResolveRuleIsAnErrorNamingItsPlace() {
        assertThatThrownBy(() -> read("{\"autoResolve\": {}}"))
                .hasMessage("autoResolve：必须是规则的列表 must be a list of rules");
        assertThatThrownBy(() -> read("{\"autoResolve\": [{\"type\": \"AMOUNT\", \"maxYuan\": \"1\", \"note\": \"x\"}]}"))
                .hasMessage("autoResolve[0].type：必须是异常代码，如 \"AMOUNT_MISMATCH\" must be an anomaly code such as "
                        + "\"AMOUNT_MISMATCH\", got \"AMOUNT\"");
        assertThatThrownBy(() -> read("{\"autoResolve\": [{\"type\": \"AMOUNT_MISMATCH\", \"note\": \"x\"}]}"))
                .hasMessage("autoResolve[0].maxYuan：必须填写 is required");
        assertThatThrownBy(() -> read("{\"autoResolve\": [{\"type\": \"AMOUNT_MISMATCH\", \"maxYuan\": \"0.001\", \"note\": \"x\"}]}"))
                .hasMessage("autoResolve[0].maxYuan：必须是以元为单位、最多两位小数的金额 must be an amount in yuan with at most two decimals");
        assertThatThrownBy(() -> read("{\"autoResolve\": [{\"type\": \"AMOUNT_MISMATCH\", \"maxYuan\": \"1\", \"note\": \"\"}]}"))
                .hasMessage("autoResolve[0].note：必须说明为什么接受这类差异，如 \"合理误差\" must say why such differences are accepted, "
                        + "e.g. \"合理误差\"");
        assertThatThrownBy(() -> read("{\"autoResolve\": [{\"type\": \"AMOUNT_MISMATCH\", \"maxYuan\": \"1\", \"note\": \"x\", \"by\": \"me\"}]}"))
                .hasMessage("autoResolve[0].by：未知的配置项 unknown key");
        assertThatThrownBy(() -> read("{\"digest\": true}")).hasMessage("digest：未知的配置项 unknown key");
    }

    @Test
    void readsTheAccountsTheStoresFilesMustName() throws IOException {
        assertThat(read("{\"accounts\": {\"alipay\": \" 2088102177400456 \", \"shopName\": \"星辰美妆专营店\"}}").accounts())
                .isEqualTo(java.util.Map.of(recon.domain.StoreAccount.Kind.ALIPAY, "2088102177400456",
                        recon.domain.StoreAccount.Kind.SHOP, "星辰美妆专营店"));
        assertThat(read("{}").accounts()).isEmpty();
        assertThatThrownBy(() -> read("{\"accounts\": {\"wechat\": \"x\"}}")).hasMessageContaining("accounts.wechat");
        assertThatThrownBy(() -> read("{\"accounts\": {\"alipay\": 2088}}"))
                .hasMessage("accounts.alipay：必须是文字，例如 \"2088102177400456\" must be a text such as \"2088102177400456\", got 2088");
    }

    @Test
    void readsTheInvoiceDaysAndRefusesWhatIsNoNumberOfDays() throws IOException {
        assertThat(read("{}").invoiceDays()).isEqualTo(15);
        assertThat(read("{\"invoiceDays\": 30}").invoiceDays()).isEqualTo(30);
        assertThatThrownBy(() -> read("{\"invoiceDays\": \"15\"}"))
                .hasMessage("invoiceDays：必须是整数天数 must be a whole number of days, got \"15\"");
        assertThatThrownBy(() -> read("{\"invoiceDays\": -1}"))
                .hasMessage("invoiceDays：不能是负数 must not be negative");
    }

    @Test
    void readsTheChannelsTheStoreUses() throws IOException {
        assertThat(read("{\"channels\": [\"TAOTIAN_WECHAT\", \"ALIPAY\"]}").channels())
                .containsExactly(Channel.ALIPAY, Channel.TAOTIAN_WECHAT);
        assertThat(read("{}").channelsUsed(Set.of())).as("a store that sent no bill and says nothing").containsExactly(Channel.ALIPAY);
        assertThat(read("{}").channelsUsed(Set.of(Channel.TAOTIAN_WECHAT))).containsExactly(Channel.TAOTIAN_WECHAT);
        assertThat(read("{\"channels\": [\"ALIPAY\"]}").channelsUsed(Set.of(Channel.ALIPAY, Channel.TAOTIAN_WECHAT)))
                .as("what the config says wins over the bills sent").containsExactly(Channel.ALIPAY);
        assertThatThrownBy(() -> read("{\"channels\": [\"WECHAT\"]}"))
                .hasMessage("channels[0]：必须是 \"ALIPAY\" 或 \"TAOTIAN_WECHAT\" must be \"ALIPAY\" or \"TAOTIAN_WECHAT\", got \"WECHAT\"");
        assertThatThrownBy(() -> read("{\"channels\": []}"))
                .hasMessage("channels：必须是渠道的列表 must be a list of channels such as [\"ALIPAY\", \"TAOTIAN_WECHAT\"]");
        assertThatThrownBy(() -> read("{\"channels\": \"ALIPAY\"}")).hasMessageStartingWith("channels：必须是渠道的列表");
    }

    @Test
    void numbersAreAcceptedAsWellAsStrings() throws IOException {
        assertThat(read("{\"commission\": {\"default\": 0.05}}").commissionDefault()).isEqualByComparingTo("0.05");
    }

    @Test
    void unknownKeyIsAnErrorNamingTheKeyAndTheKnownKeyItIsATypoOf() {
        assertThatThrownBy(() -> read("{\"graceDay\": 3}"))
                .hasMessage("graceDay：未知的配置项 unknown key，是否想写 \"graceDays\"？ did you mean \"graceDays\"?");
        assertThatThrownBy(() -> read("{\"tolerenceYuan\": \"0.01\"}"))
                .hasMessage("tolerenceYuan：未知的配置项 unknown key，是否想写 \"toleranceYuan\"？ did you mean \"toleranceYuan\"?");
        assertThatThrownBy(() -> read("{\"commission\": {\"defualt\": \"0.02\"}}"))
                .hasMessage("commission.defualt：未知的配置项 unknown key，是否想写 \"commission.default\"？ "
                        + "did you mean \"commission.default\"?");
        assertThatThrownBy(() -> read("{\"commission\": {\"rate\": \"0.02\"}}"))
                .as("no known key within two edits: no guess").hasMessage("commission.rate：未知的配置项 unknown key");
    }

    @Test
    void theEditDistanceCountsInsertedDeletedAndReplacedCharacters() {
        assertThat(recon.domain.Typos.editDistance("graceDays", "graceDays")).isZero();
        assertThat(recon.domain.Typos.editDistance("graceDay", "graceDays")).isEqualTo(1);
        assertThat(recon.domain.Typos.editDistance("defualt", "default")).isEqualTo(2);
        assertThat(recon.domain.Typos.editDistance("rate", "default")).isEqualTo(6);
        assertThat(recon.domain.Typos.editDistance("", "note")).isEqualTo(4);
        assertThat(recon.domain.Typos.closest("channel", Set.of("channels", "commission"))).isEqualTo("channels");
        assertThat(recon.domain.Typos.closest("digest", Set.of("graceDays", "channels"))).isNull();
    }

    @Test
    void malformedValuesAreErrorsNamingTheKeyInChineseThenEnglish() {
        assertThatThrownBy(() -> read("{\"graceDays\": \"three\"}"))
                .hasMessage("graceDays：必须是整数天数 must be a whole number of days, got \"three\"");
        assertThatThrownBy(() -> read("{\"graceDays\": 2.5}"))
                .hasMessage("graceDays：必须是整数天数 must be a whole number of days, got 2.5");
        assertThatThrownBy(() -> read("{\"commission\": {\"default\": \"2%\"}}"))
                .hasMessage("commission.default：必须是小数，如 \"0.02\" must be a decimal number such as \"0.02\", got \"2%\"");
        assertThatThrownBy(() -> read("{\"commission\": {\"byCategory\": {\"女装\": \"1.5\"}}}"))
                .hasMessage("commission.byCategory.女装：必须是 0 到 1 之间的费率 must be a rate between 0 and 1");
        assertThatThrownBy(() -> read("{\"commission\": {\"byCategory\": {\"女装/女士精品\": \"0.05\", \"女装>女士精品\": \"0.06\"}}}"))
                .hasMessage("commission.byCategory.女装>女士精品：与 \"女装/女士精品\" 是同一个类目 names the same category as \"女装/女士精品\"");
        assertThatThrownBy(() -> read("{\"toleranceYuan\": \"0.001\"}"))
                .hasMessage("toleranceYuan：必须是以元为单位、最多两位小数的金额 must be an amount in yuan with at most two decimals");
        assertThatThrownBy(() -> read("{\"toleranceYuan\": \"-1\"}")).hasMessage("toleranceYuan：不能是负数 must not be negative");
        assertThatThrownBy(() -> read("{\"toleranceYuan\": \"99999999999999999999.01\"}"))
                .isInstanceOf(StoreConfigJson.InvalidConfigException.class).hasMessageStartingWith("toleranceYuan：");
        assertThatThrownBy(() -> read("{\"autoConfirmDays\": -2}")).hasMessage("autoConfirmDays：不能是负数 must not be negative");
        assertThatThrownBy(() -> read("{\"feeRatioFactor\": 0}")).hasMessage("feeRatioFactor：必须大于 0 must be a positive number");
        assertThatThrownBy(() -> read("{\"graceDays\": 3,")).hasMessageStartingWith("不是有效的 JSON not valid JSON: ");
        assertThatThrownBy(() -> read("[1]")).hasMessage("(top level)：必须是 JSON 对象 {…} must be an object");
    }

    @Test
    void aKeyGivenAsNullIsMalformedNotTheDefault() {
        assertThatThrownBy(() -> read("{\"graceDays\": null}"))
                .hasMessage("graceDays：必须是整数天数 must be a whole number of days, got null");
        assertThatThrownBy(() -> read("{\"commission\": null}")).hasMessage("commission：必须是 JSON 对象 {…} must be an object");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> read("{\"graceDays\": 3, \"graceDays\": 4}"))
                .hasMessageStartingWith("不是有效的 JSON not valid JSON: Duplicate field 'graceDays'");
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
