package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.AnomalyType;
import recon.domain.FileKind;
import recon.domain.StoreConfig;
import recon.report.MissingExports;
import recon.sample.Manifest;
import recon.sample.SampleGenerator;
import recon.sample.StoreSample;

/** What a store's files cannot tell yet waits for the exports that could, and says which. */
class PendingByCoverageTest {
    private static StoreSample store;
    private static StoreConfig config;

    @BeforeAll
    static void generate(@TempDir Path dir) throws IOException {
        Manifest manifest = new SampleGenerator(new SampleGenerator.Options(300, 31, 11, LocalDate.of(2026, 11, 1)))
                .generate(dir.resolve("samples"));
        store = manifest.stores().get(0);
        try (InputStream in = Files.newInputStream(store.dir().resolve("config.json"))) {
            config = StoreConfigJson.read(in);
        }
    }

    private static List<Anomaly> reconcile(List<String> files) {
        return ReconcileFiles.run(store.tenant(), store.store(), files.stream()
                        .map(f -> new ReconcileFiles.Input(f, () -> Files.newInputStream(store.dir().resolve(f)))).toList(),
                config, outcome -> {}).reconciliation().anomalies();
    }

    private static List<String> filesOf(FileKind... kinds) {
        List<FileKind> wanted = List.of(kinds);
        return store.files().stream().filter(f -> wanted.contains(kindOf(f))).toList();
    }

    private static FileKind kindOf(String file) {
        return ReconcileFiles.run(store.tenant(), store.store(),
                List.of(new ReconcileFiles.Input(file, () -> Files.newInputStream(store.dir().resolve(file)))), config,
                outcome -> {}).files().getFirst().kind();
    }

    @Test
    void aLedgerAloneLeavesItsSettlementsPendingOnTheOrderReports() {
        List<Anomaly> ledgerOnly = reconcile(filesOf(FileKind.ALIPAY_LEDGER));

        List<Anomaly> unmatched = ledgerOnly.stream().filter(a -> a.type() == AnomalyType.UNMATCHED_SETTLEMENT).toList();
        assertThat(unmatched).hasSizeGreaterThan(10)
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(AnomalyStatus.PENDING));
        assertThat(MissingExports.of(ledgerOnly)).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(FileKind.TMALL_ORDERS);
            assertThat(m.pending()).isGreaterThanOrEqualTo(unmatched.size());
        });
        assertThat(ledgerOnly).noneMatch(a -> a.status() == AnomalyStatus.OPEN && a.type() == AnomalyType.UNMATCHED_SETTLEMENT);
    }

    @Test
    void theOrderReportsExplainWhatWasPendingAndConfirmWhatIsNot() {
        List<Anomaly> ledgerOnly = reconcile(filesOf(FileKind.ALIPAY_LEDGER));
        List<Anomaly> withOrders = reconcile(filesOf(FileKind.ALIPAY_LEDGER, FileKind.TMALL_ORDERS, FileKind.TMALL_REFUNDS));

        long pendingBefore = ledgerOnly.stream().filter(a -> a.type() == AnomalyType.UNMATCHED_SETTLEMENT).count();
        long left = withOrders.stream().filter(a -> a.type() == AnomalyType.UNMATCHED_SETTLEMENT).count();
        assertThat(left).isLessThan(pendingBefore);
        // what the ledger alone confirmed (OPEN) no order report explained away
        List<String> openBefore = ledgerOnly.stream().filter(a -> a.status() == AnomalyStatus.OPEN).map(Anomaly::id).toList();
        assertThat(withOrders.stream().map(Anomaly::id).toList()).containsAll(openBefore);
    }
}
