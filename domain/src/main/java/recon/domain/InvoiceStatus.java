package recon.domain;

/** 发票状态. A void invoice (已作废) counts for nothing; a reversed one (已红冲) still counts, and so does its red invoice. */
public enum InvoiceStatus {
    ISSUED("已开票", 0),
    REVERSED("已红冲", 1),
    VOID("已作废", 2);

    public final String label;
    /** Of two exports of one invoice, the higher rank is the later state. */
    public final int rank;

    InvoiceStatus(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }
}
