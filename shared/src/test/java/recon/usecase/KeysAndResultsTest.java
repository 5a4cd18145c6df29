package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.port.DayResult;
import recon.port.StoreRef;
import recon.port.UploadKey;
import recon.storage.DayResultJson;

class KeysAndResultsTest {

    @Test
    void uploadKeyGivesTheStoreAndTheFileName() {
        assertThat(UploadKey.parse("tenants/t-1/stores/s1/inbox/2026-11/支付宝账务明细 11月.csv")).hasValueSatisfying(k -> {
            assertThat(k.store()).isEqualTo(new StoreRef("t-1", "s1"));
            assertThat(k.path()).isEqualTo("2026-11/支付宝账务明细 11月.csv");
            assertThat(k.fileName()).isEqualTo("支付宝账务明细 11月.csv");
        });
    }

    @Test
    void uploadKeysOfAnyOtherShapeNameNoStore() {
        for (String key : List.of("tenants/t1/stores/s1/inbox/", "tenants/t1/stores/s1/inbox/a/../b.csv",
                "tenants/t1/stores/s1/inbox/a//b.csv", "tenants/t1/stores/s1/inbox/./b.csv",
                "tenants/t1/stores/s1/inbox/a\\..\\b.csv", "tenants/t1/stores/s1/inbox/a\nb.csv",
                "tenants/" + "t".repeat(65) + "/stores/s1/inbox/a.csv", "tenants/t1/stores/S1/inbox/a.csv",
                "tenants//stores/s1/inbox/a.csv", "tenants/t1/stores/s1/Inbox/a.csv", "/tenants/t1/stores/s1/inbox/a.csv")) {
            assertThat(UploadKey.parse(key)).as(key).isEmpty();
        }
    }

    @Test
    void errorFileNamesCannotLeaveTheRejectedFolder() {
        assertThat(ParseUpload.safeName("bundle.zip/../../../t2/x.csv")).isEqualTo("bundle.zip/t2/x.csv");
        assertThat(ParseUpload.safeName("..")).isEqualTo("file");
        assertThat(ParseUpload.safeName("a\\b\u0000.csv")).isEqualTo("a/b_.csv");
    }

    @Test
    void fileIdDependsOnKeyAndVersion() {
        String id = ParseUpload.fileId("tenants/t1/stores/s1/inbox/a.csv", "v1");

        assertThat(id).hasSize(32).matches("[0-9a-f]+");
        assertThat(ParseUpload.fileId("tenants/t1/stores/s1/inbox/a.csv", "v1")).isEqualTo(id);
        assertThat(ParseUpload.fileId("tenants/t1/stores/s1/inbox/a.csv", "v2")).isNotEqualTo(id);
        assertThat(ParseUpload.fileId("tenants/t1/stores/s1/inbox/b.csv", "v1")).isNotEqualTo(id);
    }

    @Test
    void dayResultComesBackFromItsJsonWithTheSameHash() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        DayFigures figures = new DayFigures(day, 40, 35, 412_000,
                Map.of(Channel.ALIPAY, 400_000L, Channel.TAOTIAN_WECHAT, 12_000L), 12_000, 8_240, 2_100, 300_000, null, -5L,
                33, 5, 0, 0, 0, Map.of(AnomalyType.AMOUNT_MISMATCH, 1));
        Anomaly anomaly = new Anomaly(AnomalyType.AMOUNT_MISMATCH, AnomalyType.AMOUNT_MISMATCH.severity, day,
                "3553498017448001", null, 19_900, 18_900, "结算金额与应收不符");
        DayResult result = new DayResult(new StoreRef("t1", "s1"), List.of(), figures, List.of(anomaly));

        DayResult back = DayResultJson.fromJson(DayResultJson.json(result));

        assertThat(back).isEqualTo(result);
        assertThat(DayResultJson.hash(back)).isEqualTo(DayResultJson.hash(result)).hasSize(64);
        assertThat(DayResultJson.json(result)).contains("\"settledAmount\" : \"4120.00\"", "\"openingBalance\" : null");
    }

    @Test
    void aDayResultSavedBeforeTheWeChatChannelHadAllItsSettlementsThroughAlipay() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        DayFigures figures = new DayFigures(day, 1, 1, 19_900, Map.of(Channel.ALIPAY, 19_900L), 0, 398, 0, 0, 100L, 19_602L,
                1, 0, 0, 0, 0, Map.of());
        String saved = DayResultJson.json(new DayResult(new StoreRef("t1", "s1"), List.of(), figures, List.of()));
        String older = saved.replaceAll("\"settledByChannel\" : \\{[^}]*},?", "");
        assertThat(older).doesNotContain("settledByChannel").contains("\"settledAmount\" : \"199.00\"");

        assertThat(DayResultJson.fromJson(older).figures()).isEqualTo(figures);
    }
}
