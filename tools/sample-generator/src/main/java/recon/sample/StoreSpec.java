package recon.sample;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One sample store: who it is, what it sells, its contract, and which export quirks its files show.
 *
 * @param firstOrderId the first order id; later ones grow from it (16 to 19 digits)
 * @param items indexes into {@link Catalog#ITEMS}
 * @param wechatShare the part of the paid orders the buyers pay with WeChat Pay (0: an Alipay-only store)
 * @param register whether the store sends its invoice register, and as what
 */
record StoreSpec(
        String tenant,
        String store,
        String shopName,
        String alipayAccount,
        int orders,
        long firstOrderId,
        List<Integer> items,
        BigDecimal commissionDefault,
        Map<String, BigDecimal> commissionByCategory,
        double wechatShare,
        Layout layout,
        Register register) {

    /** Which files the store's exports come as. */
    enum Layout {
        /** Two overlapping GBK ledger CSVs of both header styles. */
        TWO_LEDGER_CSVS,
        /** A ZIP bundle then a CSV; plus two files the parser must reject. */
        ZIP_AND_REJECTS,
        /** CSV, then an XLSX period, then CSV. */
        CSV_XLSX_CSV
    }

    /** The invoice register (开票记录) the store sends, if any. */
    enum Register {
        /** None: the invoices its buyers ask for (发票抬头) are not judged. */
        NONE,
        /** One UTF-8 file, oldest invoice first. */
        ONE_FILE,
        /** Two overlapping GBK files, newest invoice first. */
        TWO_FILES
    }

    StoreSpec {
        items = List.copyOf(items);
        commissionByCategory = Map.copyOf(commissionByCategory);
    }
}
