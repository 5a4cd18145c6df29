package recon.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.DayFigures;
import recon.domain.Money;
import recon.domain.StoreConfig;
import recon.functions.aws.Adapters;
import recon.functions.aws.AwsClients;
import recon.port.DayResult;
import recon.port.ResultStore;
import recon.port.StoreRef;
import recon.storage.DayResultJson;
import recon.usecase.ReconcileFiles;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * A store-day whose result is far bigger than one DynamoDB item may be (400 KB): an Alipay ledger of
 * thousands of settlements uploaded before its order report, every one of them unmatched.
 */
@ExtendWith(EmulatorExtension.class)
class LargeDayResultIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset GBK = Charset.forName("GBK");
    private static final StoreRef STORE = new StoreRef("t1", "big");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final int SETTLEMENTS = 6_000;

    @Test
    void emulatorRefusesAnItemOverFourHundredKilobytes(AwsClients clients) {
        RealPipeline pipeline = new RealPipeline(clients);

        assertThatThrownBy(() -> clients.dynamo().putItem(b -> b.tableName(pipeline.stack.table()).item(Map.of(
                "pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"),
                "data", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[410 * 1024]))))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("Item size has exceeded the maximum allowed size");
    }

    @Test
    void dayWithMoreAnomaliesThanAnItemHoldsIsStoredWholeReportedWholeAndReplacedWithoutLeftovers(AwsClients clients,
            @TempDir Path dir) throws IOException {
        // given a ledger of one day's settlements and no order report
        RealPipeline pipeline = new RealPipeline(clients);
        byte[] ledger = ledger(SETTLEMENTS, new Random(42));
        Path file = Files.write(dir.resolve("账务明细.csv"), ledger);
        pipeline.upload(STORE.prefix() + "inbox/账务明细.csv", file);

        // when
        pipeline.drain();

        // then the stored result is the offline one, every anomaly of it, its text well over 1 MB
        ReconcileFiles.Result offline = ReconcileFiles.run(STORE.tenant(), STORE.store(),
                List.of(new ReconcileFiles.Input("账务明细.csv", () -> new ByteArrayInputStream(ledger))), StoreConfig.DEFAULT, f -> {});
        DayFigures figures = offline.reconciliation().days().stream().filter(d -> d.day().equals(DAY)).findFirst().orElseThrow();
        List<Anomaly> anomalies = offline.reconciliation().anomalies().stream().filter(a -> a.day().equals(DAY)).toList();
        assertThat(anomalies).hasSize(SETTLEMENTS).allMatch(a -> a.type() == AnomalyType.UNMATCHED_SETTLEMENT);
        Adapters adapters = new Adapters(clients, pipeline.stack.settings(), Clock.systemUTC());
        ResultStore results = adapters.resultStore();
        DayResult stored = results.result(STORE, DAY).orElseThrow();
        assertThat(stored.figures()).isEqualTo(figures);
        assertThat(stored.anomalies()).isEqualTo(anomalies);
        assertThat(DayResultJson.json(stored).length()).isGreaterThan(1_000_000);
        // in more than one item
        assertThat(resultItems(pipeline)).hasSizeGreaterThan(1);

        // and the day's summary.json lists every anomaly
        JsonNode summary = JSON.readTree(pipeline.read(STORE.reportPrefix(DAY) + "summary.json"));
        List<String> reported = new ArrayList<>();
        summary.path("anomalies").forEach(a -> reported.add(a.path("lineId").asText()));
        assertThat(reported).containsExactlyInAnyOrderElementsOf(anomalies.stream().map(Anomaly::lineId).toList());

        // when a smaller result of the day replaces it
        DayResult smaller = new DayResult(STORE, stored.files(), stored.figures(), anomalies.subList(0, 10));
        results.save(smaller);

        // then it reads back, and its one item is all the day's result there is
        assertThat(results.result(STORE, DAY)).contains(smaller);
        assertThat(resultItems(pipeline)).containsOnlyKeys(dayKey() + " | RESULT");
    }

    private static String dayKey() {
        return STORE.tenant() + "#" + STORE.store() + "#" + DAY;
    }

    private static Map<String, String> resultItems(RealPipeline pipeline) {
        Map<String, String> items = new TreeMap<>(pipeline.items("RESULT"));
        items.keySet().removeIf(key -> !key.startsWith(dayKey() + " | "));
        return items;
    }

    /**
     * An Alipay account log (CSV, GBK) covering the day: {@code count} sales settled that day, of
     * random order and line ids (long line ids, so that a few thousand anomalies already gzip to more
     * than one item's part), balances in a chain.
     */
    private static byte[] ledger(int count, Random random) {
        StringBuilder csv = new StringBuilder();
        csv.append("#支付宝账务明细查询\r\n#账号：[20881234567890120156]\r\n")
                .append("#起始日期：[2026年11月02日 00:00:00]   终止日期：[2026年11月03日 00:00:00]\r\n")
                .append("#-----------------------------------------账务明细列表----------------------------------------\r\n")
                .append("账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注\r\n");
        long balance = 0;
        long income = 0;
        for (int i = 0; i < count; i++) {
            long fen = 100 + random.nextInt(100_000);
            balance += fen;
            income += fen;
            String orderId = "3" + String.format("%018d", random.nextLong(1_000_000_000_000_000_000L));
            String lineId = randomText(random, 64);
            String time = "2026-11-02 %02d:%02d:%02d".formatted(i * 86_400L / count / 3600, i * 86_400L / count / 60 % 60,
                    i * 86_400L / count % 60);
            csv.append(lineId).append("\t,2026110222001\t,T200P").append(orderId).append("\t,宝贝,").append(time)
                    .append(",对方\t,").append(Money.format(fen)).append(",,").append(Money.format(balance))
                    .append(",支付宝,交易付款,\r\n");
        }
        csv.append("#-----------------------------------------账务明细列表结束------------------------------------\r\n")
                .append("#支出合计：0笔，共0.00元\r\n")
                .append("#收入合计：").append(count).append("笔，共").append(Money.format(income)).append("元\r\n")
                .append("#导出时间：[2026年11月03日 09:00:00]\r\n");
        return csv.toString().getBytes(GBK);
    }

    private static String randomText(Random random, int length) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
