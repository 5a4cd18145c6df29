package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import recon.domain.FileOutcome;
import recon.domain.LedgerLine;
import recon.domain.StoreAccount;
import recon.domain.StoreConfig;
import recon.port.FileEntry;
import recon.port.StoreRef;

/** One store's money only: a ledger of another Alipay account, an order report of another shop, are refused whole. */
class StoreAccountsTest {
    private static final String OURS = "2088102177400456";
    private static final String THEIRS = "2088999900001111";

    /** A ledger of the account with one settlement line, whose id the other account's ledger also uses. */
    private static byte[] ledger(String account, String income) {
        return ("#支付宝账务明细查询\r\n#账号：[" + account + "]\r\n"
                + "#起始日期：[2026年11月01日 00:00:00]   终止日期：[2026年11月30日 23:59:59]\r\n"
                + "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注\r\n"
                + "20261105000001,,T200P3553498017448001,宝贝,2026-11-05 13:00:00,,"+ income + ",,"+ income + ",支付宝,交易付款,\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] orders(String shop) {
        return ("订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间,店铺名称\r\n"
                + "3553498017448001,199.00,交易成功,2026-11-02 09:00:00,2026-11-02 09:01:00," + shop + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ReconcileFiles.Input input(String name, byte[] content) {
        return new ReconcileFiles.Input(name, () -> new ByteArrayInputStream(content));
    }

    private static StoreConfig withAccounts(Map<StoreAccount.Kind, String> accounts) {
        StoreConfig d = StoreConfig.DEFAULT;
        return new StoreConfig(d.commissionDefault(), d.commissionByCategory(), d.toleranceFen(), d.graceDays(),
                d.autoConfirmDays(), d.refundRateHigh(), d.feeRatioFactor(), d.autoResolve(), Set.of(), d.invoiceDays(), accounts);
    }

    @Test
    void aLedgerOfAnotherAccountIsRefusedAndItsLinesReplaceNothing() {
        ReconcileFiles.Result result = ReconcileFiles.run("t1", "s1",
                List.of(input("本店.csv", ledger(OURS, "199.00")), input("别家.csv", ledger(THEIRS, "5000.00"))),
                StoreConfig.DEFAULT, outcome -> {});

        assertThat(result.files()).extracting(FileOutcome::name, FileOutcome::accepted)
                .containsExactly(tuple("本店.csv", true), tuple("别家.csv", false));
        assertThat(result.files().get(1).error()).isEqualTo("这个文件属于另一个支付宝账户（" + THEIRS + "），本店铺的支付宝账户是 "
                + OURS + "（来自首个文件 本店.csv），未读取；请只上传本店铺的导出文件");
        assertThat(result.records().ledgerLines()).extracting(LedgerLine::incomeFen).containsExactly(19_900L);
    }

    @Test
    void theConfiguredAccountDecidesWhicheverFileComesFirstAndTheInputOrderNeverTheTiming() {
        StoreConfig config = withAccounts(Map.of(StoreAccount.Kind.ALIPAY, OURS));

        ReconcileFiles.Result result = ReconcileFiles.run("t1", "s1",
                List.of(input("别家.csv", ledger(THEIRS, "5000.00")), input("本店.csv", ledger(OURS, "199.00"))),
                config, outcome -> {});

        assertThat(result.files()).extracting(FileOutcome::name, FileOutcome::accepted)
                .containsExactly(tuple("别家.csv", false), tuple("本店.csv", true));
        assertThat(result.files().getFirst().error()).contains("（来自config.json 的 accounts.alipay）");
        for (int run = 0; run < 20; run++) {
            ReconcileFiles.Result again = ReconcileFiles.run("t1", "s1",
                    List.of(input("本店.csv", ledger(OURS, "199.00")), input("别家.csv", ledger(THEIRS, "5000.00")),
                            input("本店2.csv", ledger(OURS, "199.00"))),
                    StoreConfig.DEFAULT, outcome -> {});
            assertThat(again.files()).extracting(FileOutcome::accepted).containsExactly(true, false, true);
        }
    }

    @Test
    void anOrderReportOfAnotherShopIsRefusedAndOneNamingTwoShopsNamesNone() {
        ReconcileFiles.Result result = ReconcileFiles.run("t1", "s1",
                List.of(input("订单.csv", orders("星辰美妆专营店")), input("别家订单.csv", orders("别家旗舰店"))),
                StoreConfig.DEFAULT, outcome -> {});
        assertThat(result.files()).extracting(FileOutcome::accepted).containsExactly(true, false);
        assertThat(result.files().get(1).error()).startsWith("这个文件属于另一个店铺（别家旗舰店），本店铺的店铺是 星辰美妆专营店");

        byte[] twoShops = ("订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间,店铺名称\r\n"
                + "3553498017448001,199.00,交易成功,2026-11-02 09:00:00,2026-11-02 09:01:00,星辰美妆专营店\r\n"
                + "3553498017448002,99.00,交易成功,2026-11-02 10:00:00,2026-11-02 10:01:00,别家旗舰店\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ReconcileFiles.Result mixed = ReconcileFiles.run("t1", "s1",
                List.of(input("两店.csv", twoShops), input("订单.csv", orders("别家旗舰店"))), StoreConfig.DEFAULT, o -> {});
        assertThat(mixed.files()).extracting(FileOutcome::accepted).containsExactly(true, true);
        assertThat(mixed.files().getFirst().account()).isNull();
    }

    @Test
    void thePipelineRefusesALaterUploadOfAnotherAccountWithItsErrorFileAndStoresNothingOfIt() {
        Pipeline pipeline = new Pipeline();
        StoreRef store = new StoreRef("t1", "s1");

        pipeline.run(List.of(pipeline.put(store.prefix() + "inbox/本店.csv", ledger(OURS, "199.00"))));
        pipeline.run(List.of(pipeline.put(store.prefix() + "inbox/别家.csv", ledger(THEIRS, "5000.00")),
                pipeline.put(store.prefix() + "inbox/本店-12月.csv", ledger(OURS, "199.00"))));

        List<FileOutcome> outcomes = pipeline.manifest.files(store).stream()
                .filter(f -> f.status() == FileEntry.Status.DONE).flatMap(f -> f.outcomes().stream()).toList();
        assertThat(outcomes).extracting(FileOutcome::name, FileOutcome::accepted)
                .containsExactlyInAnyOrder(tuple("本店.csv", true), tuple("别家.csv", false), tuple("本店-12月.csv", true));
        assertThat(pipeline.text(store.rejectedPrefix() + "别家.csv.error.json")).contains("这个文件属于另一个支付宝账户");
        assertThat(pipeline.results.result(store, java.time.LocalDate.of(2026, 11, 5)).orElseThrow().figures().settledAmount())
                .as("the other account's line replaced nothing").isEqualTo(19_900);
    }
}
