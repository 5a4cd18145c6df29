package recon.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import recon.domain.Anomaly;
import recon.domain.AnomalyStatus;
import recon.domain.Resolution;
import recon.domain.Times;

/**
 * The anomaly list as the accountant works through it, the same in report.csv, the workbook's 异常
 * sheet and the page: what still needs someone first (待处理, 申诉中, 待补数据), then what is settled, each
 * with its id, status, what it waits for and the word that settled it. The list ends with the four
 * empty columns a resolutions file fills (docs/contracts.md, "Resolutions file"), so that the list
 * itself, filled in and uploaded back, is one.
 */
final class AnomalyList {
    static final List<String> HEADER = List.of("异常编号", "日期", "异常类型", "代码", "严重程度", "状态", "订单编号",
            "账务流水号", "退款编号", "发票号码", "应为（元）", "实际（元）", "差额（元）", "说明", "待补文件", "已有处理", "店铺",
            "处理结果", "处理说明", "处理人", "处理时间");
    /** Where the columns to fill in start. */
    static final int TO_FILL = 17;
    /** The choices of 处理结果, as the drop-down offers them. */
    static final List<String> ACTIONS = List.of(Resolution.Action.RESOLVED.label, Resolution.Action.FORCED.label,
            Resolution.Action.DISPUTED.label, Resolution.Action.REOPENED.label);

    private static final List<AnomalyStatus> WORK_ORDER = List.of(AnomalyStatus.OPEN, AnomalyStatus.DISPUTED,
            AnomalyStatus.PENDING, AnomalyStatus.RESOLVED, AnomalyStatus.FORCED);
    private static final Comparator<Anomaly> TO_DO_FIRST = Comparator
            .comparingInt((Anomaly a) -> WORK_ORDER.indexOf(a.status()))
            .thenComparing(Anomaly.ORDER);

    private AnomalyList() {}

    static List<Anomaly> toDoFirst(List<Anomaly> anomalies) {
        List<Anomaly> sorted = new ArrayList<>(anomalies);
        sorted.sort(TO_DO_FIRST);
        return sorted;
    }

    /** "订单报表 2026-09-22 至 2026-10-31" for a PENDING anomaly, "" otherwise. */
    static String waitingText(Anomaly a) {
        if (a.status() != AnomalyStatus.PENDING || a.waitingFor() == null) {
            return "";
        }
        return a.waitingFor().kind().label + " " + a.waitingFor().first() + " 至 " + a.waitingFor().last();
    }

    /** "已核销：平台已补款（王会计 2026-11-20）", "规则：合理误差", or "". */
    static String resolutionText(Anomaly a) {
        Resolution r = a.resolution();
        if (r == null) {
            return "";
        }
        if (r.byRule()) {
            return "规则：" + r.note();
        }
        StringBuilder text = new StringBuilder(r.action().label);
        if (!r.note().isEmpty()) {
            text.append("：").append(r.note());
        }
        String who = (r.by() + (Times.isPresent(r.at()) ? " " + Times.day(r.at()) : "")).strip();
        if (!who.isEmpty()) {
            text.append("（").append(who).append("）");
        }
        return text.toString();
    }
}
