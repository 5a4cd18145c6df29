package recon.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import recon.domain.Anomaly;
import recon.domain.AnomalyType;
import recon.domain.FileOutcome;
import recon.domain.IncompleteData;
import recon.domain.Money;
import recon.domain.Period;
import recon.domain.Severity;
import recon.domain.Times;
import recon.port.Alert;
import recon.port.ReportLinks;
import recon.port.StoreRef;
import recon.report.ReportFiles;

/**
 * Writes the alerts (docs/contracts.md, "Alert (SNS)"): counts by type, the largest amounts first, where the
 * reports are — links to their pages when the deployment gives links, their keys otherwise. Amounts,
 * days and types only — no order id, no buyer, nothing personal.
 */
public final class AlertText {
    static final int SUBJECT_MAX = 100;
    static final int SMS_MAX = 70;
    static final int LARGEST_LISTED = 10;
    static final int DAYS_LISTED = 10;

    private static final Comparator<Anomaly> LARGEST_FIRST = Comparator
            .comparingLong((Anomaly a) -> Math.abs(a.differenceFen())).reversed()
            .thenComparing(Anomaly.ORDER);

    private AlertText() {}

    /**
     * The alert for anomalies seen for the first time (at least one); when the data is incomplete it says
     * so after the first line, and in the SMS.
     */
    public static Alert anomalies(StoreRef store, List<Anomaly> found, IncompleteData incomplete, ReportLinks links) {
        if (found.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one anomaly");
        }
        Severity highest = found.stream().map(Anomaly::severity).min(Comparator.naturalOrder()).orElseThrow();
        Map<AnomalyType, Integer> counts = new EnumMap<>(AnomalyType.class);
        SortedSet<LocalDate> days = new TreeSet<>();
        for (Anomaly a : found) {
            counts.merge(a.type(), 1, Integer::sum);
            days.add(a.day());
        }
        List<Anomaly> largest = found.stream().sorted(LARGEST_FIRST).limit(LARGEST_LISTED).toList();

        var text = new StringBuilder();
        text.append("店铺 ").append(store).append(" 对账发现 ").append(found.size()).append(" 个新异常，最高严重程度 ")
                .append(highest).append("（").append(label(highest)).append("）。\n\n");
        if (!incomplete.isComplete()) {
            text.append(incomplete.text()).append("\n\n");
        }
        text.append("按类型：\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<AnomalyType, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(c -> text.append("  ").append(c.getKey().label).append("（").append(c.getKey().name())
                        .append("）：").append(c.getValue()).append(" 个\n"));
        text.append("\n金额最大的异常：\n");
        for (Anomaly a : largest) {
            text.append("  ").append(a.day()).append(' ').append(a.type().label)
                    .append("：应为 ").append(Money.format(a.expectedFen()))
                    .append(" 元，实际 ").append(Money.format(a.actualFen()))
                    .append(" 元，差额 ").append(Money.format(a.differenceFen())).append(" 元\n");
        }
        appendReports(text, store, days, links);
        String subject = "【对账异常】" + store + "：" + found.size() + " 个新异常，最高 " + highest;
        String sms = "对账：" + store + " 新异常" + found.size() + "个（最高" + label(highest) + "），最大差额"
                + Money.format(largest.get(0).differenceFen()) + "元"
                + (incomplete.isComplete() ? "" : "；" + incomplete.shortText()) + "，详见报告";
        return new Alert(store, cut(subject, SUBJECT_MAX), text.toString(), cut(sms, SMS_MAX), highest, found.size());
    }

    /** The alert for files rejected whole (at least one): their records are not in the reconciliation. */
    public static Alert rejectedFiles(StoreRef store, List<FileOutcome> rejected) {
        if (rejected.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one rejected file");
        }
        var text = new StringBuilder();
        text.append("店铺 ").append(store).append(" 有 ").append(rejected.size())
                .append(" 个文件被拒收，其中的记录未计入对账：\n");
        for (FileOutcome file : rejected) {
            text.append("  ").append(file.name()).append("：").append(file.error()).append('\n');
        }
        text.append("\n错误详情：").append(store.rejectedPrefix()).append('\n');
        String subject = "【文件被拒收】" + store + "：" + rejected.size() + " 个文件";
        String sms = "对账：" + store + " 有" + rejected.size() + "个文件被拒收，请查看错误详情并重新上传";
        return new Alert(store, cut(subject, SUBJECT_MAX), text.toString(), cut(sms, SMS_MAX), Severity.HIGH, 0);
    }

    /** The message that a month closed: every day covered, nothing PENDING, OPEN or DISPUTED. */
    public static Alert monthClosed(StoreRef store, YearMonth month, ReportLinks links) {
        String label = month.getYear() + "年" + month.getMonthValue() + "月";
        Period period = Period.month(month);
        Optional<ReportLinks.Link> link = links.link(store.reportPrefix(period) + ReportFiles.HTML);
        String text = "店铺 " + store + " " + label + "已对平：每一天的账务明细都已收到，所有差异都已核销或强制核销。\n\n"
                + link.map(l -> "月度报告（链接有效至 " + day(l.expires()) + "）：" + l.url())
                        .orElse("月度报告：" + store.reportPrefix(period)) + "\n";
        String subject = "【已对平】" + store + "：" + label;
        String sms = "对账：" + store + " " + label + "已对平";
        return new Alert(store, cut(subject, SUBJECT_MAX), text, cut(sms, SMS_MAX), Severity.LOW, 0);
    }

    /** The alert for a store config that cannot be used: the store is not matched until it is fixed. */
    public static Alert invalidConfig(StoreRef store, String error) {
        String text = "店铺 " + store + " 的配置文件 " + store.configKey() + " 无法使用，对账已暂停。修正后，下次上传文件或每日凌晨 2 点的例行对账会重新对账。\n"
                + "错误：" + error + "\n";
        String subject = "【配置错误】" + store + "：config.json 无法使用";
        String sms = "对账：" + store + " 的 config.json 无法使用，对账已暂停，请修正";
        return new Alert(store, cut(subject, SUBJECT_MAX), text, cut(sms, SMS_MAX), Severity.HIGH, 0);
    }

    /**
     * Where the days' reports are. With links: the page of each day (at most 10), then of each month
     * of the days, since a month's page reaches the days not listed. Without: the days' folders.
     */
    private static void appendReports(StringBuilder text, StoreRef store, SortedSet<LocalDate> days, ReportLinks links) {
        List<String> lines = new ArrayList<>();
        Instant expires = null;
        for (LocalDate day : days.stream().limit(DAYS_LISTED).toList()) {
            Optional<ReportLinks.Link> link = links.link(store.reportPrefix(day) + ReportFiles.HTML);
            if (link.isEmpty()) {
                break;
            }
            lines.add("  " + day + "：" + link.get().url());
            expires = earliest(expires, link.get().expires());
        }
        if (lines.isEmpty()) {
            text.append("\n报告位置：\n");
            days.stream().limit(DAYS_LISTED).forEach(day -> text.append("  ").append(store.reportPrefix(day)).append('\n'));
            if (days.size() > DAYS_LISTED) {
                text.append("  …共 ").append(days.size()).append(" 天，均在 ").append(store.prefix()).append("reports/ 下\n");
            }
            return;
        }
        for (YearMonth month : days.stream().map(YearMonth::from).distinct().toList()) {
            Optional<ReportLinks.Link> link = links.link(store.reportPrefix(Period.month(month)) + ReportFiles.HTML);
            if (link.isPresent()) {
                lines.add("  " + month + " 月报：" + link.get().url());
                expires = earliest(expires, link.get().expires());
            }
        }
        text.append("\n报告（点击打开，链接有效至 ").append(day(expires)).append("）：\n");
        lines.forEach(line -> text.append(line).append('\n'));
        if (days.size() > DAYS_LISTED) {
            text.append("  …共 ").append(days.size()).append(" 天，其余各天见月报\n");
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** The day, in Shanghai, of a moment. */
    private static LocalDate day(Instant moment) {
        return LocalDate.ofInstant(moment, Times.SHANGHAI);
    }

    private static String label(Severity severity) {
        return switch (severity) {
            case HIGH -> "高";
            case MEDIUM -> "中";
            case LOW -> "低";
        };
    }

    /** At most max characters (code points), the cut marked with "…". */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
