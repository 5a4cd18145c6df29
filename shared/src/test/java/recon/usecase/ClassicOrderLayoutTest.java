package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.FileOutcome;
import recon.domain.Severity;
import recon.domain.StoreConfig;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;

/**
 * Taobao's classic 46-column 订单报表, which many tools still write: no 确认收货时间 and no 类目. The same
 * orders in it must raise no anomaly that the newer layout, which has both, does not: an order whose
 * confirmation is unknown is missing a settlement only where the ledgers cover the whole span it could
 * have come in, and one whose 类目 is unknown is checked against the range of the contract's rates.
 */
class ClassicOrderLayoutTest {
    private static final Charset GBK = Charset.forName("GBK");
    /** The classic header (2018 and after, before the 新零售 columns), as Taobao's seller centre exports it. */
    static final List<String> CLASSIC = List.of("订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费",
            "买家支付积分", "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址",
            "运送方式", "联系电话", "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "物流单号", "物流公司", "订单备注",
            "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息",
            "特权订金订单id", "是否上传合同照片", "是否上传小票", "是否代付", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息",
            "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易", "退款金额", "预约门店");

    @Test
    void theSameOrdersInTheClassicLayoutRaiseNoHighOrMediumAnomalyTheNewerLayoutDoesNot(@TempDir Path dir) throws IOException {
        // given the store with category rates (女装 0.05, 女鞋 0.03, …, default 0.02), its order reports in both layouts
        StoreSample store = new SampleGenerator(new SampleGenerator.Options(2_000, 31, 7, LocalDate.of(2026, 11, 1)))
                .generate(dir.resolve("samples")).stores().get(0);
        StoreConfig config;
        try (InputStream in = Files.newInputStream(store.dir().resolve("config.json"))) {
            config = StoreConfigJson.read(in);
        }
        assertThat(config.commissionByCategory()).hasSizeGreaterThan(1);
        Path classicDir = Files.createDirectories(dir.resolve("classic"));
        int converted = 0;
        for (String file : store.files()) {
            if (classicOrderReport(store.dir().resolve(file), classicDir.resolve(file))) {
                converted++;
            } else {
                Files.copy(store.dir().resolve(file), classicDir.resolve(file));
            }
        }
        assertThat(converted).isEqualTo(2);

        // when both are reconciled
        ReconcileFiles.Result newer = reconcile(store, store.dir(), config);
        ReconcileFiles.Result classic = reconcile(store, classicDir, config);

        // then every file was read, and the classic layout found no HIGH or MEDIUM anomaly the newer did not
        assertThat(classic.files()).allMatch(FileOutcome::accepted);
        Set<String> newerIds = newer.reconciliation().anomalies().stream().map(Anomaly::id).collect(Collectors.toSet());
        List<Anomaly> serious = classic.reconciliation().anomalies().stream()
                .filter(a -> a.severity() != Severity.LOW).toList();
        assertThat(serious).isNotEmpty().allSatisfy(a -> assertThat(newerIds).as(a.type() + " " + a.orderId()).contains(a.id()));
        // and it cannot find more: a missing settlement only once the ledgers cover payment + autoConfirmDays + grace,
        // a fee mismatch only outside every contract rate (a fee at another 类目's rate cannot be told without the 类目)
        for (AnomalyType type : List.of(AnomalyType.MISSING_SETTLEMENT, AnomalyType.FEE_MISMATCH)) {
            assertThat(count(classic, type)).as(type.name()).isLessThanOrEqualTo(count(newer, type));
        }
        assertThat(count(newer, AnomalyType.MISSING_SETTLEMENT) + count(newer, AnomalyType.FEE_MISMATCH)).isPositive();
    }

    private static long count(ReconcileFiles.Result result, AnomalyType type) {
        return result.reconciliation().anomalies().stream().filter(a -> a.type() == type && a.severity() != Severity.LOW).count();
    }

    private static ReconcileFiles.Result reconcile(StoreSample store, Path dir, StoreConfig config) {
        List<ReconcileFiles.Input> inputs = new ArrayList<>();
        for (String file : store.files()) {
            inputs.add(new ReconcileFiles.Input(file, () -> Files.newInputStream(dir.resolve(file))));
        }
        return ReconcileFiles.run(store.tenant(), store.store(), inputs, config, outcome -> {});
    }

    /**
     * Writes an order report of the generator (GBK CSV, either of its layouts) in the classic one: the same
     * orders, ids, amounts, statuses and times, without 确认收货时间 and 类目; false for any other file.
     */
    private static boolean classicOrderReport(Path from, Path to) throws IOException {
        List<NamedCsvRecord> rows;
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(Files.newBufferedReader(from, GBK))) {
            rows = csv.stream().toList();
        } catch (RuntimeException notCsv) {
            return false; // a ZIP or a workbook: no order report
        }
        if (rows.isEmpty() || !rows.getFirst().getHeader().contains("订单付款时间")) {
            return false;
        }
        try (Writer out = Files.newBufferedWriter(to, GBK); CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(CLASSIC);
            for (NamedCsvRecord row : rows) {
                Map<String, String> classic = new LinkedHashMap<>();
                CLASSIC.forEach(column -> classic.put(column, ""));
                String paid = first(row, "买家实际支付金额", "买家实付金额");
                classic.put("订单编号", first(row, "订单编号", "主订单编号"));
                classic.put("买家会员名", first(row, "买家会员名"));
                classic.put("买家应付货款", paid);
                classic.put("买家应付邮费", "0.00");
                classic.put("买家支付积分", "0");
                classic.put("总金额", paid);
                classic.put("返点积分", "0");
                classic.put("买家实际支付金额", paid);
                classic.put("买家实际支付积分", "0");
                classic.put("订单状态", first(row, "订单状态"));
                classic.put("收货人姓名", first(row, "收货人姓名"));
                classic.put("收货地址", first(row, "收货地址"));
                classic.put("联系手机", first(row, "联系手机"));
                classic.put("订单创建时间", first(row, "订单创建时间"));
                classic.put("订单付款时间", first(row, "订单付款时间"));
                classic.put("宝贝标题", first(row, "宝贝标题"));
                classic.put("宝贝种类", "1");
                classic.put("物流单号", first(row, "物流单号"));
                classic.put("宝贝总数量", "1");
                classic.put("店铺名称", first(row, "店铺名称"));
                classic.put("订单关闭原因", "订单未关闭");
                classic.put("发票抬头", first(row, "发票抬头"));
                classic.put("退款金额", "0.00");
                csv.writeRecord(List.copyOf(classic.values()));
            }
        }
        return true;
    }

    /** The value of the first of these columns the row has, or "". */
    private static String first(NamedCsvRecord row, String... columns) {
        for (String column : columns) {
            if (row.getHeader().contains(column)) {
                return row.getField(column);
            }
        }
        return "";
    }
}
