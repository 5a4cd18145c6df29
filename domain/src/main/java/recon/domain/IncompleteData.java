package recon.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a reconciliation lacks: the store's files refused whole, whose records are not in it, and the
 * exports PENDING anomalies wait for. The page, the 汇总 sheet and the alert say it before anything
 * else, in these words.
 *
 * @param rejected the refused files, in their order
 * @param missing the periods of exports to upload, as {@code recon.report.MissingExports} joins them
 */
public record IncompleteData(List<FileOutcome> rejected, List<Waiting> missing) {
    /** Refused files, and missing exports, named one by one; the others are counted. */
    static final int NAMED = 5;

    public IncompleteData {
        rejected = List.copyOf(rejected);
        missing = List.copyOf(missing);
    }

    /** The files of {@code files} that were refused, and the exports missing. */
    public static IncompleteData of(Collection<FileOutcome> files, List<Waiting> missing) {
        return new IncompleteData(files.stream().filter(f -> !f.accepted()).toList(), missing);
    }

    public boolean isComplete() {
        return rejected.isEmpty() && missing.isEmpty();
    }

    /**
     * The banner: {@code 数据不完整：1 个文件被拒收（订单.csv：第 3 行：…）；请重新下载该导出文件后上传，不要用 Excel
     * 另存。缺少 天猫订单报表 2026-10-01 至 2026-10-31，请补充上传。对账结果可能不完整。}; empty when complete.
     */
    public String text() {
        if (isComplete()) {
            return "";
        }
        StringBuilder text = new StringBuilder("数据不完整：");
        if (!rejected.isEmpty()) {
            List<String> files = new ArrayList<>();
            rejected.stream().limit(NAMED).forEach(f -> files.add(f.name() + "：" + f.error()));
            text.append(rejected.size()).append(" 个文件被拒收（").append(String.join("；", files))
                    .append(rejected.size() > NAMED ? " 等 " + rejected.size() + " 个" : "").append("）；请重新下载")
                    .append(rejected.size() == 1 ? "该" : "这些").append("导出文件后上传，不要用 Excel 另存。");
        }
        if (!missing.isEmpty()) {
            List<String> exports = new ArrayList<>();
            missing.stream().limit(NAMED).forEach(w -> exports.add(w.kind().label + " "
                    + (w.first().equals(w.last()) ? w.first().toString() : w.first() + " 至 " + w.last())));
            text.append("缺少 ").append(String.join("、", exports))
                    .append(missing.size() > NAMED ? " 等 " + missing.size() + " 项" : "").append("，请补充上传。");
        }
        return text.append("对账结果可能不完整。").toString();
    }

    /** For an SMS: {@code 数据不完整：1个文件被拒收、缺2份导出}; empty when complete. */
    public String shortText() {
        if (isComplete()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!rejected.isEmpty()) {
            parts.add(rejected.size() + "个文件被拒收");
        }
        if (!missing.isEmpty()) {
            parts.add("缺" + missing.size() + "份导出");
        }
        return "数据不完整：" + String.join("、", parts);
    }
}
