package recon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets in the first hour: every file of a folder accounted for, an output folder that says one thing, help for people. */
class FirstHourTest {
    private static final String ORDERS = "订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间,确认收货时间\r\n"
            + "3553498017448001,199.00,交易成功,2026-11-02 09:00:00,2026-11-02 09:01:00,2026-11-05 12:00:00\r\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int recon(String... args) {
        return Main.run(List.of(args), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private Path exports() throws IOException {
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Files.writeString(exports.resolve("订单.csv"), ORDERS);
        return exports;
    }

    @Test
    void everyFileOfAFolderIsListedReadRefusedOrSkippedAndClutterIsPassedOverInSilence() throws IOException {
        Path exports = exports();
        Files.write(exports.resolve("旧订单.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0});
        Files.write(exports.resolve("账单.numbers"), new byte[] {'P', 'K', 3, 4});
        Files.writeString(exports.resolve("说明.md"), "十一月的导出");
        Files.write(exports.resolve(".DS_Store"), new byte[] {0, 0, 0, 1});
        Files.write(Files.createDirectories(exports.resolve("__MACOSX")).resolve("._订单.csv"), new byte[] {0, 5, 22, 7});

        int exit = recon("reconcile", "--tenant", "t1", "--store", "s1", "--out", dir.resolve("out").toString(), exports.toString());

        assertThat(exit).as("a refused file").isEqualTo(Main.REJECTED_FILES);
        assertThat(out()).contains("接受 ACCEPTED  TMALL_ORDERS", "订单.csv")
                .contains("拒收 REJECTED", "旧订单.xls", "旧版 Excel（.xls）文件无法读取，请另存为 .xlsx 或 .csv 后上传")
                .contains("账单.numbers", "Apple Numbers 文件无法读取，请在 Numbers 中导出为 CSV 或 Excel（.xlsx）后上传")
                .contains("跳过 SKIPPED", "说明.md", "不是导出文件（.md），未读取")
                .doesNotContain(".DS_Store", "MACOSX");
    }

    @Test
    void aFolderWithOnlyAcceptedAndSkippedFilesExitsZero() throws IOException {
        Path exports = exports();
        Files.writeString(exports.resolve("readme.txt"), "notes");

        assertThat(recon("reconcile", "--tenant", "t1", "--store", "s1", "--out", dir.resolve("out").toString(),
                exports.toString())).isEqualTo(Main.OK);
        assertThat(out()).contains("readme.txt", "不是导出文件（.txt），未读取", "跳过 skipped   1 个文件");
    }

    @Test
    void theFoldersConfigJsonIsTheContractWhenNoneIsGivenAndTheConsoleSaysSo() throws IOException {
        Path exports = exports();
        Files.writeString(exports.resolve("config.json"), "{\"graceDay\": 3}");

        int exit = recon("reconcile", "--tenant", "t1", "--store", "s1", "--out", dir.resolve("out").toString(), exports.toString());

        assertThat(exit).as("its mistake is the user's to fix").isEqualTo(Main.USAGE);
        assertThat(out()).contains("配置 config", "config.json", "文件夹中的 config.json");
        assertThat(err()).contains("graceDay");
    }

    @Test
    void aSecondRunIntoTheSameOutReplacesTheFirstWhole() throws IOException {
        Path exports = exports();
        Path out = dir.resolve("out");
        Files.writeString(exports.resolve("订单-10月.csv"), ORDERS.replace("2026-11-0", "2026-10-0").replace("3553498017448001", "3553498017448002"));
        assertThat(recon("reconcile", "--tenant", "t1", "--store", "s1", "--out", out.toString(), exports.toString())).isZero();
        assertThat(out.resolve("reports/2026-10-02")).isDirectory();

        Files.delete(exports.resolve("订单-10月.csv"));
        assertThat(recon("reconcile", "--tenant", "t1", "--store", "s1", "--out", out.toString(), exports.toString())).isZero();

        assertThat(out.resolve("reports/2026-11-02")).isDirectory();
        assertThat(out.resolve("reports/2026-10-02")).as("the first run's October is gone").doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no staging folder left behind")
                    .containsExactlyInAnyOrder("exports", "out");
        }
    }

    @Test
    void anOutInsideTheExportsIsNotReadBackAndAFolderOfOtherFilesIsNeverReplaced() throws IOException {
        Path exports = exports();
        Path inside = exports.resolve("报告");
        assertThat(recon("reconcile", "--tenant", "t1", "--store", "s1", "--out", inside.toString(), exports.toString())).isZero();
        stdout.reset();

        assertThat(recon("reconcile", "--tenant", "t1", "--store", "s1", "--out", inside.toString(), exports.toString())).isZero();
        assertThat(out()).doesNotContain("report.csv", "summary.json\n", "SKIPPED");

        Path mine = Files.createDirectories(dir.resolve("我的文件"));
        Files.writeString(mine.resolve("工资表.xlsx"), "x");
        assertThat(recon("reconcile", "--tenant", "t1", "--store", "s1", "--out", mine.toString(), exports.toString()))
                .isEqualTo(Main.USAGE);
        assertThat(err()).contains("里有不是对账报告的文件（工资表.xlsx），为免覆盖，请换一个新文件夹");
        assertThat(mine.resolve("工资表.xlsx")).exists();
    }

    @Test
    void withoutOutTheReportsGoToOutTenantStore() throws IOException {
        Path exports = exports();
        Path cwdOut = Path.of("out", "t9-s9");
        try {
            assertThat(recon("reconcile", "--tenant", "t9", "--store", "s9", exports.toString())).isZero();
            assertThat(cwdOut.resolve("summary.json")).exists();
        } finally {
            if (Files.exists(cwdOut)) {
                try (Stream<Path> walk = Files.walk(cwdOut)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Test
    void helpIsTheCommandsOwnAndAMistakeShowsThatCommandsUsageWithWhatWasMeant() {
        assertThat(recon("reconcile", "--help")).isZero();
        assertThat(out()).contains("./recon reconcile --tenant T").doesNotContain("./recon demo");

        assertThat(recon("reconcile", "--tenant", "t1", "--stor", "s1", "a.csv")).isEqualTo(Main.USAGE);
        assertThat(err()).contains("未知选项 unknown option --stor（是否想写 --store？ did you mean --store?）")
                .contains("./recon reconcile --tenant T").doesNotContain("./recon generate");
        stderr.reset();

        assertThat(recon("reconcle", "--help")).isEqualTo(Main.USAGE);
        assertThat(err()).contains("未知命令 unknown command reconcle（是否想写 reconcile？ did you mean reconcile?）")
                .contains("commands: reconcile, demo, replay, generate, bench, test");
    }
}
