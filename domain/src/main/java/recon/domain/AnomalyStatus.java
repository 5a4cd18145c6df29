package recon.domain;

/**
 * Where an anomaly stands in closing the books (docs/domain.md, "Closing the books"). Only OPEN is
 * alerted; a month is closed when none of its anomalies is PENDING, OPEN or DISPUTED.
 */
public enum AnomalyStatus {
    /** A file the store has not sent could still explain it. */
    PENDING("待补数据"),
    /** Confirmed by the data: someone has to look. */
    OPEN("待处理"),
    /** Appealed to the platform (申诉). */
    DISPUTED("申诉中"),
    /** Explained, by a person with a note or by an autoResolve rule. */
    RESOLVED("已核销"),
    /** Accepted as it is (written off), with a note. */
    FORCED("强制核销");

    public final String label;

    AnomalyStatus(String label) {
        this.label = label;
    }

    /** Still to be done: PENDING, OPEN and DISPUTED keep a month from closing. */
    public boolean isUnsettled() {
        return this == PENDING || this == OPEN || this == DISPUTED;
    }
}
