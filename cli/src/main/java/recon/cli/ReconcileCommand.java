package recon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import recon.config.StoreConfigJson;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.AnomalyType;
import recon.domain.DayFigures;
import recon.domain.FileOutcome;
import recon.domain.Money;
import recon.domain.StoreConfig;
import recon.ingest.FileNames;
import recon.reconcile.ContractRates;
import recon.report.MissingExports;
import recon.report.ReportFiles;
import recon.report.StatusCounts;
import recon.usecase.ReconcileFiles;

/** {@code ./recon reconcile}: the offline job on a folder of exports, no cloud involved. */
final class ReconcileCommand {
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
    /** Inputs above this size get a progress line now and then. */
    private static final long PROGRESS_ABOVE_BYTES = 32L << 20;
    /** The 类目 whose rate the console lists; the 费用 sheet of every report has them all. */
    private static final int RATES_SHOWN = 20;

    private final PrintStream out;
    private final PrintStream err;

    ReconcileCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> argList) throws IOException {
        Args args = new Args(argList, Set.of("tenant", "store", "config", "out", "formats"));
        String tenant = id(args.required("tenant"), "--tenant");
        String store = id(args.required("store"), "--store");
        Path outDir = Path.of(args.optional("out", Path.of("out", tenant + "-" + store).toString()));
        Set<ReportFiles.Format> formats = formats(args.optional("formats", "json,csv,xlsx,html"));
        Inputs found = inputFiles(args.positional(), outDir);
        String configFile = args.optional("config", null);
        if (configFile == null && found.config() != null) {
            configFile = found.config().toString();
            out.println("配置 config    " + configFile + "（文件夹中的 config.json；用 --config 可指定其他文件 found in the folder）");
        }
        StoreConfig config = readConfig(configFile);
        List<Path> files = found.files();

        try (OutputFolder output = OutputFolder.claim(outDir)) {
            long totalBytes = 0;
            for (Path file : files) {
                totalBytes += Files.size(file);
            }
            Progress progress = totalBytes > PROGRESS_ABOVE_BYTES ? new Progress(err, totalBytes) : null;
            List<ReconcileFiles.Input> inputs = new ArrayList<>();
            for (Path file : files) {
                inputs.add(new ReconcileFiles.Input(file.getFileName().toString(), () -> open(file, progress)));
            }

            long started = System.nanoTime();
            ReconcileFiles.Result result = ReconcileFiles.run(tenant, store, inputs, config, this::printFile);
            long reconciled = System.nanoTime();
            ReportFiles.write(output.staging(), tenant, store, config, result.fileDays(), result.records(),
                    result.reconciliation(), formats);
            output.publish();
            printContractRates(ContractRates.of(result.records(), config));
            printSummary(result, outDir, (reconciled - started) / 1_000_000, (System.nanoTime() - reconciled) / 1_000_000);
            return result.allAccepted() ? Main.OK : Main.REJECTED_FILES;
        }
    }

    static String id(String value, String option) {
        if (!ID.matcher(value).matches()) {
            throw new Args.UsageException(option + " 只能由 1 到 64 个小写字母、数字或 - 组成 must be 1-64 characters of a-z, 0-9 and '-', got "
                    + value);
        }
        return value;
    }

    /** The files each report folder gets: a list of json, csv, xlsx and html. */
    static Set<ReportFiles.Format> formats(String list) {
        Set<ReportFiles.Format> formats = EnumSet.noneOf(ReportFiles.Format.class);
        for (String name : list.split(",", -1)) {
            try {
                formats.add(ReportFiles.Format.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("--formats 只能是 json、csv、xlsx、html，用逗号分隔 takes json, csv, xlsx and html, "
                        + "separated by commas; got " + list);
            }
        }
        return formats;
    }

    private static StoreConfig readConfig(String file) throws IOException {
        if (file == null) {
            return StoreConfig.DEFAULT;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new Args.UsageException("--config " + file + "：找不到文件 no such file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return StoreConfigJson.read(in);
        } catch (StoreConfigJson.InvalidConfigException e) {
            throw new Args.UsageException("--config " + file + ": " + e.getMessage());
        }
    }

    /**
     * What a folder scan found: the files to read, in a stable order, and the first folder's config.json.
     */
    record Inputs(List<Path> files, Path config) {}

    /**
     * The files named, and every file inside the folders named, in a stable order — each gets a line of
     * its own (read, refused or skipped; see {@code FileNames}), so none is passed over in silence —
     * except operating-system clutter, a config.json at a folder's top (the store's contract) and the
     * output folder with what it holds, should it lie inside an input folder.
     */
    static Inputs inputFiles(List<String> names, Path outDir) throws IOException {
        if (names.isEmpty()) {
            throw new Args.UsageException("没有给出导出文件或文件夹 no input files given");
        }
        Path output = outDir.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        Path config = null;
        for (String name : names) {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                Path top = path.resolve("config.json");
                if (config == null && Files.isRegularFile(top)) {
                    config = top;
                }
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(file -> !file.toAbsolutePath().normalize().startsWith(output))
                            .filter(file -> !file.equals(top))
                            .filter(file -> !inHiddenFolder(path.relativize(file)))
                            .filter(file -> FileNames.of(path.relativize(file).toString().replace('\\', '/'))
                                    != FileNames.Verdict.IGNORE)
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new Args.UsageException(name + "：找不到文件或文件夹 no such file or folder");
            }
        }
        if (files.isEmpty()) {
            throw new Args.UsageException("在 " + String.join(" ", names) + " 中没有找到导出文件 no export files in "
                    + String.join(" ", names));
        }
        return new Inputs(files, config);
    }

    /** .git, an unfinished run's .out.writing-… folder: hidden folders hold no exports. */
    private static boolean inHiddenFolder(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static InputStream open(Path file, Progress progress) throws IOException {
        InputStream in = Files.newInputStream(file);
        return progress == null ? in : progress.track(file.getFileName().toString(), in);
    }

    private void printFile(FileOutcome file) {
        if (file.skipped()) {
            out.printf("  跳过 SKIPPED   %-14s %12s     %s%n      %s%n", "", "", file.name(), file.error());
        } else if (file.accepted()) {
            out.printf("  接受 ACCEPTED  %-14s %,12d 行  %s%n", file.kind(), file.rows(), file.name());
        } else {
            out.printf("  拒收 REJECTED  %-14s %12s     %s%n      %s%n", file.kind(), "", file.name(), file.error());
        }
    }

    /** The rate each 类目 with settlements got and its key, then the byCategory keys that matched no order. */
    private void printContractRates(ContractRates rates) {
        List<ContractRates.CategoryRate> settled = rates.settled();
        for (ContractRates.CategoryRate category : settled.subList(0, Math.min(RATES_SHOWN, settled.size()))) {
            out.printf("费率 %s: %s (%s)%n", category.category().isEmpty() ? "（无类目）" : category.category(),
                    category.commission().rate().toPlainString(), category.commission().source());
        }
        if (settled.size() > RATES_SHOWN) {
            out.printf("… 还有 %d 个类目 %d more%n", settled.size() - RATES_SHOWN, settled.size() - RATES_SHOWN);
        }
        for (ContractRates.UnmatchedKey key : rates.unmatched()) {
            out.printf("警告 warning   %s; the key matched no order's category%n", key.warning());
        }
    }

    private void printSummary(ReconcileFiles.Result result, Path outDir, long reconcileMillis, long reportMillis) {
        List<DayFigures> days = result.reconciliation().days();
        List<Anomaly> anomalies = result.reconciliation().anomalies();
        long settledCount = 0;
        long settled = 0;
        long refunds = 0;
        long commission = 0;
        long otherFees = 0;
        for (DayFigures day : days) {
            settledCount += day.settledCount();
            settled += day.settledAmount();
            refunds += day.refundAmount();
            commission += day.commissionAmount();
            otherFees += day.otherFeeAmount();
        }
        out.println();
        if (!days.isEmpty()) {
            out.printf("日期 days      %s … %s (%d)%n", days.get(0).day(), days.get(days.size() - 1).day(), days.size());
        }
        out.printf("结算 settled   %,d 笔  %s 元%n", settledCount, Money.format(settled));
        out.printf("退款 refunds   %s 元    佣金 commission %s 元    其他费用 other fees %s 元%n",
                Money.format(refunds), Money.format(commission), Money.format(otherFees));
        Map<AnomalyType, long[]> byType = new TreeMap<>();
        for (Anomaly a : anomalies) {
            long[] countAndAmount = byType.computeIfAbsent(a.type(), t -> new long[2]);
            countAndAmount[0]++;
            countAndAmount[1] += Math.abs(a.differenceFen());
        }
        out.printf("异常 anomalies %d (by type: count, sum of differences)%n", anomalies.size());
        // the Chinese name last: its characters are twice as wide on a terminal and would break the columns
        byType.forEach((type, c) -> out.printf("  %-6s %-27s %,6d  %14s 元  %s%n",
                type.severity, type, c[0], Money.format(c[1]), type.label));
        StatusCounts counts = StatusCounts.of(anomalies);
        out.printf("核销 status    待处理 OPEN %d · 申诉中 DISPUTED %d · 待补数据 PENDING %d · 已核销 RESOLVED %d · 强制核销 FORCED %d%n",
                counts.count(AnomalyStatus.OPEN), counts.count(AnomalyStatus.DISPUTED), counts.count(AnomalyStatus.PENDING),
                counts.count(AnomalyStatus.RESOLVED), counts.count(AnomalyStatus.FORCED));
        out.println(counts.closed() ? "对平 closed    已对平: nothing is PENDING, OPEN or DISPUTED"
                : "对平 closed    未对平: not yet, see the 异常 sheet of each report.xlsx");
        for (MissingExports.Missing missing : MissingExports.of(anomalies)) {
            out.printf("待补 missing   %s %s … %s: %d PENDING anomalies wait for it (%s)%n", missing.kind().label,
                    missing.from(), missing.to(), missing.pending(), missing.kind());
        }
        long skipped = result.files().stream().filter(FileOutcome::skipped).count();
        if (skipped > 0) {
            out.printf("跳过 skipped   %d 个文件不是导出文件，未读取 file(s) that are no exports, see above%n", skipped);
        }
        long rejected = result.files().stream().filter(f -> !f.accepted()).count();
        if (rejected > 0) {
            out.printf("拒收 rejected  %d 个文件 file(s), see above; the other files were reconciled%n", rejected);
        }
        out.printf("报告 reports   %s and %s (reconcile %.1f s, reports %.1f s)%n",
                outDir.resolve("summary.json"), outDir.resolve("reports"), reconcileMillis / 1000.0, reportMillis / 1000.0);
    }
}
