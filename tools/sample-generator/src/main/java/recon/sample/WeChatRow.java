package recon.sample;

/** One line of the WeChat bill of the 聚合结算账户 (淘天微信账单), as the export writes it: no balance column. */
record WeChatRow(
        String item,
        String lineId,
        String orderId,
        long occurredAt,
        long incomeFen,
        long expenseFen,
        String entryType,
        String description,
        String remark) {}
