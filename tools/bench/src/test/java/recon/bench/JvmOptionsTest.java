package recon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tools/jvm-options.sh, through which the launcher and the bench start the engine. */
class JvmOptionsTest {
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private List<String> options(String... args) throws Exception {
        return BenchCommand.jvmOptions(BenchCommand.projectRoot(), List.of(args));
    }

    /** A file of that many bytes, sparse: it takes no room on disk. */
    private Path fileOf(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file;
    }

    @Test
    void everyCommandPromotesSurvivorsAtOnce() throws Exception {
        assertThat(options("demo")).contains("-XX:MaxTenuringThreshold=0").doesNotContain(C1_ONLY);
        assertThat(options("reconcile", "--out", dir.toString())).contains("-XX:MaxTenuringThreshold=0");
    }

    @Test
    void exportsUnder256MibAreReconciledWithC1Alone() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("store"));
        fileOf("store/orders.csv", 100 * MIB);
        Path ledger = fileOf("ledger.csv", 150 * MIB);

        assertThat(options("reconcile", "--tenant", "t", "--store", "s", "--out", dir.resolve("out").toString(),
                folder.toString(), ledger.toString())).contains(C1_ONLY);
    }

    @Test
    void exportsOf256MibOrMoreKeepC2() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("store"));
        fileOf("store/orders.csv", 100 * MIB);
        Path ledger = fileOf("ledger.csv", 156 * MIB);

        assertThat(options("reconcile", "--out", dir.resolve("out").toString(), folder.toString(), ledger.toString()))
                .doesNotContain(C1_ONLY);
    }

    @Test
    void aZipOrXlsxCountsSevenTimesItsSize() throws Exception {
        // 40 MB of ZIP hold about 280 MB of CSV; 30 MB of XLSX about 210 MB
        Path zip = fileOf("ledger.zip", 40 * MIB);
        Path xlsx = fileOf("orders.XLSX", 30 * MIB);

        assertThat(options("reconcile", "--out", dir.resolve("out").toString(), zip.toString())).doesNotContain(C1_ONLY);
        assertThat(options("reconcile", "--out", dir.resolve("out").toString(), xlsx.toString())).contains(C1_ONLY);
    }

    @Test
    void theValuesOfOptionsAreNotCountedAsExports() throws Exception {
        Path big = fileOf("big.csv", 300 * MIB);
        Path small = fileOf("small.csv", MIB);

        // --config and --out name existing paths, but not exports
        assertThat(options("reconcile", "--config", big.toString(), "--out", big.toString(), small.toString()))
                .contains(C1_ONLY);
        assertThat(options("reconcile", "--out", dir.toString(), big.toString())).doesNotContain(C1_ONLY);
    }
}
