package recon.domain;

/**
 * One line of the Alipay account log (支付宝账务明细), normalized.
 *
 * @param lineId 账务流水号, the line's unique id: the same line in two overlapping exports is one line
 * @param orderId the Tmall order the line belongs to, or null (see DOMAIN: T200P prefix, 业务基础订单号, 备注)
 * @param occurredAt 发生时间, epoch seconds
 * @param incomeFen 收入金额, ≥ 0
 * @param expenseFen 支出金额, ≥ 0 (the export's sign is dropped)
 * @param balanceFen 账户余额 after the line
 * @param businessType 业务类型 as exported, kept for the reports
 */
public record LedgerLine(
        String lineId,
        String orderId,
        long occurredAt,
        long incomeFen,
        long expenseFen,
        long balanceFen,
        LineClass lineClass,
        String businessType) {

    public LedgerLine {
        if (lineId == null || lineId.isEmpty()) {
            throw new IllegalArgumentException("line id is required");
        }
        if (incomeFen < 0 || expenseFen < 0) {
            throw new IllegalArgumentException("income and expense are amounts, not signed");
        }
        if (lineClass == null) {
            throw new IllegalArgumentException("line class is required");
        }
        businessType = businessType == null ? "" : businessType;
    }

    /** Income minus expense: what the line did to the balance. */
    public long netFen() {
        return incomeFen - expenseFen;
    }
}
