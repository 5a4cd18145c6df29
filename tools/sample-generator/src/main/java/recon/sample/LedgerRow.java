package recon.sample;

/** One line of an Alipay account log with every column it shows, as the exports write it. */
record LedgerRow(
        String lineId,
        String businessId,
        String merchantOrderNo,
        String itemName,
        long occurredAt,
        String counterparty,
        long incomeFen,
        long expenseFen,
        long balanceFen,
        String channel,
        String businessType,
        String remark,
        String description,
        String baseOrderId) {}
