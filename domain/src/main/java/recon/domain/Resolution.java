package recon.domain;

import java.util.Comparator;

/**
 * What a person (a row of a resolutions file) or an autoResolve rule said of one anomaly: the audit
 * trail keeps every one, and the latest decides the anomaly's status.
 *
 * @param anomalyId the anomaly's id (16 hex digits)
 * @param action what was done
 * @param note 处理说明, "" when none (required for RESOLVED and FORCED)
 * @param by 处理人, or {@code rule:<index>} for an autoResolve rule; "" when nobody was named
 * @param at 处理时间 in epoch seconds, or {@link Times#NONE} when the row gave none
 * @param store the store the row says the anomaly is of (the 店铺 column of a report workbook,
 *     {tenant}/{store}), "" when the file has no such column
 * @param source the file it came from (its name), "" for a rule
 * @param sourceHash 16 hex digits of the SHA-256 of that file's resolution rows, "" for a rule
 * @param line the row of the file, 0 for a rule
 */
public record Resolution(String anomalyId, Action action, String note, String by, long at, String store,
        String source, String sourceHash, int line) {

    /** The 处理结果 of a row, in the words of the 异常 sheet's drop-down. */
    public enum Action {
        RESOLVED("已核销"),
        FORCED("强制核销"),
        DISPUTED("申诉中"),
        /** Back to what the data says: PENDING or OPEN. */
        REOPENED("重新打开");

        public final String label;

        Action(String label) {
            this.label = label;
        }

        /** The status it sets; null for REOPENED, which gives the status back to the data. */
        public AnomalyStatus status() {
            return switch (this) {
                case RESOLVED -> AnomalyStatus.RESOLVED;
                case FORCED -> AnomalyStatus.FORCED;
                case DISPUTED -> AnomalyStatus.DISPUTED;
                case REOPENED -> null;
            };
        }

        /** The action whose label this is, or null. */
        public static Action ofLabel(String label) {
            for (Action action : values()) {
                if (action.label.equals(label)) {
                    return action;
                }
            }
            return null;
        }
    }

    /** The most a 处理说明 may hold, in characters. */
    public static final int MAX_NOTE = 200;

    public Resolution {
        if (anomalyId == null || action == null || note == null || by == null || store == null || source == null
                || sourceHash == null) {
            throw new IllegalArgumentException("every field of a resolution is required");
        }
    }

    /**
     * Why a store refuses this row, in an accountant's words, or null: the row says it is another
     * store's anomaly, or it names an id the store never had and no report workbook of the store listed
     * it (a typo, a file of another store). A row of the store's own workbook whose anomaly the data has
     * since explained is kept, in the trail.
     *
     * @param thisStore {tenant}/{store}
     * @param knownToStore the store has had an anomaly of this id
     */
    public String refusal(String thisStore, boolean knownToStore) {
        if (!store.isEmpty() && !store.equals(thisStore)) {
            return "异常编号 " + anomalyId + " 是店铺 " + store + " 的异常，不是本店铺（" + thisStore + "）的";
        }
        if (!knownToStore && store.isEmpty()) {
            return "异常编号 " + anomalyId + " 不是本店铺的异常编号（本店铺从未出现过这个异常），请核对";
        }
        return null;
    }

    public boolean byRule() {
        return by.startsWith("rule:");
    }

    /**
     * Which of two resolutions of one anomaly counts: the later 处理时间 (a row without one counts as
     * the earliest), then the content, so that the same files in any order give the same status.
     */
    public static final Comparator<Resolution> LATEST_LAST = Comparator
            .comparingLong(Resolution::at)
            .thenComparing(Resolution::action)
            .thenComparing(Resolution::note)
            .thenComparing(Resolution::by)
            .thenComparing(Resolution::store)
            .thenComparing(Resolution::source)
            .thenComparing(Resolution::sourceHash)
            .thenComparingInt(Resolution::line);
}
