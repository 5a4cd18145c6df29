package recon.report;

import java.time.LocalDate;

/**
 * A 交易成功 order still without its settlement at the end of a report's last day.
 *
 * @param paidFen what the buyer paid
 * @param dueFen what the seller is owed: paid minus the refunds made before settlement (售中)
 * @param dueDay the day the settlement is due (确认收货, else payment + the auto-confirm days)
 * @param ageDays days from the order's day to the report's last day
 * @param overdue the due day and the grace days have passed
 */
public record OpenItem(
        String orderId, LocalDate orderDay, long paidFen, long dueFen, LocalDate dueDay, long ageDays, boolean overdue) {}
