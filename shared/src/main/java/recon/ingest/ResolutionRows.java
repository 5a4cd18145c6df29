package recon.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import recon.domain.FileKind;
import recon.domain.RecordSink;
import recon.domain.Resolution;
import recon.domain.Times;

/**
 * A resolutions file (docs/contracts.md, "Resolutions file"): what an accountant decided of each
 * anomaly, one row each — a CSV, or the 异常 sheet of a report workbook filled in and sent back. A row
 * with an empty 处理结果 is skipped; every other row must be right, or the whole file is rejected with
 * its line. The rows go to the sink at the end, each naming the file and a hash of all its rows.
 */
final class ResolutionRows extends RowParser {
    static final Column ID = Column.required("异常编号");
    static final Column ACTION = Column.required("处理结果");
    static final Column NOTE = Column.optional("处理说明");
    static final Column BY = Column.optional("处理人");
    static final Column AT = Column.optional("处理时间");
    static final Column STORE = Column.optional("店铺");

    static final Layout LAYOUT = new Layout(FileKind.RESOLUTIONS, ID, ACTION, NOTE, BY, AT, STORE);

    /** A resolutions file is a person's work: far fewer rows than this, which bounds what is held. */
    static final int MAX_ROWS = 100_000;
    private static final Pattern ANOMALY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final String ACTIONS = "已核销、强制核销、申诉中、重新打开";

    private final String fileName;
    private final RecordSink sink;
    private final List<Resolution> rows = new ArrayList<>();
    private final MessageDigest sha256 = Cells.sha256();
    private final int id;
    private final int action;
    private final int note;
    private final int by;
    private final int at;
    private final int store;
    private long read;

    ResolutionRows(String[] header, String fileName, RecordSink sink) {
        this.fileName = fileName;
        this.sink = sink;
        id = ID.indexIn(header);
        action = ACTION.indexIn(header);
        note = NOTE.indexIn(header);
        by = BY.indexIn(header);
        at = AT.indexIn(header);
        store = STORE.indexIn(header);
    }

    @Override
    protected void parse() {
        if (++read > MAX_ROWS) {
            throw reject("处理结果文件超过 " + MAX_ROWS + " 行，请分成几个文件上传");
        }
        String actionText = text(action);
        if (actionText.isEmpty()) {
            return; // not decided yet: the workbook lists every anomaly
        }
        String anomalyId = text(id).toLowerCase(java.util.Locale.ROOT);
        if (!ANOMALY_ID.matcher(anomalyId).matches()) {
            throw reject(ID.label() + " " + quoted(text(id)) + " 不是对账报告中的异常编号（16 位编号）");
        }
        Resolution.Action decided = Resolution.Action.ofLabel(actionText);
        if (decided == null) {
            throw reject(ACTION.label() + " " + quoted(actionText) + " 无法识别，只能填写：" + ACTIONS);
        }
        String noteText = text(note);
        if (noteText.isEmpty() && (decided == Resolution.Action.RESOLVED || decided == Resolution.Action.FORCED)) {
            throw reject(decided.label + "需要填写" + NOTE.label() + "（说明差异的原因）");
        }
        if (noteText.codePointCount(0, noteText.length()) > Resolution.MAX_NOTE) {
            throw reject(NOTE.label() + "最多 " + Resolution.MAX_NOTE + " 个字");
        }
        String byText = text(by);
        if (byText.length() > MAX_KEPT_TEXT_LENGTH) {
            throw reject(BY.label() + "过长（超过 " + MAX_KEPT_TEXT_LENGTH + " 个字符）");
        }
        String storeText = text(store);
        if (storeText.length() > MAX_KEPT_TEXT_LENGTH) {
            throw reject(STORE.label() + "过长（超过 " + MAX_KEPT_TEXT_LENGTH + " 个字符）");
        }
        long when = time(at, AT, false);
        rows.add(new Resolution(anomalyId, decided, noteText, byText, when, storeText, fileName, "", (int) row.line()));
        String canonical = String.join("\u001f", anomalyId, decided.name(), noteText, byText,
                Times.isPresent(when) ? Long.toString(when) : "", storeText) + "\u001e";
        sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    void finish() {
        String hash = HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
        for (Resolution r : rows) {
            sink.resolution(new Resolution(r.anomalyId(), r.action(), r.note(), r.by(), r.at(), r.store(), r.source(),
                    hash, r.line()));
        }
    }
}
