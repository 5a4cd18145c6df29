package recon.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import recon.domain.AnomalyType;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.StoreConfig;
import recon.domain.Times;

/**
 * A straightforward reading of the rules (RULES.md) for the tests: which anomalies (type, day, order,
 * line) the merged records of a store must give. Slow and simple on purpose.
 */
final class RulesReference {
    private static final Comparator<LedgerLine> LEDGER_ORDER =
            Comparator.comparingLong(LedgerLine::occurredAt).thenComparing(LedgerLine::lineId);

    private final Map<String, Order> orders;
    private final Collection<LedgerLine> lines;
    private final Collection<Refund> refunds;
    private final Set<LocalDate> covered;
    private final StoreConfig config;
    private final List<PlantedAnomaly> found = new ArrayList<>();

    RulesReference(Map<String, Order> orders, Collection<LedgerLine> lines, Collection<Refund> refunds,
            Set<LocalDate> covered, StoreConfig config) {
        this.orders = orders;
        this.lines = lines;
        this.refunds = refunds;
        this.covered = covered;
        this.config = config;
    }

    Set<PlantedAnomaly> anomalies() {
        Map<String, List<LedgerLine>> byOrder = new HashMap<>();
        for (LedgerLine l : lines) {
            if (l.orderId() != null) {
                byOrder.computeIfAbsent(l.orderId(), k -> new ArrayList<>()).add(l);
            }
        }
        byOrder.values().forEach(list -> list.sort(LEDGER_ORDER));
        Map<String, List<Refund>> refundsByOrder = new HashMap<>();
        for (Refund r : refunds) {
            if (r.status() == RefundStatus.SUCCESS) {
                refundsByOrder.computeIfAbsent(r.orderId(), k -> new ArrayList<>()).add(r);
            }
        }
        long tolerance = config.toleranceFen();

        Set<String> orderIds = new HashSet<>(orders.keySet());
        orderIds.addAll(byOrder.keySet());
        for (String orderId : orderIds) {
            Order order = orders.get(orderId);
            List<LedgerLine> own = byOrder.getOrDefault(orderId, List.of());
            List<LedgerLine> settlements = own.stream().filter(l -> l.lineClass() == LineClass.SETTLEMENT).toList();
            long firstSettlementAt = settlements.isEmpty() ? Long.MAX_VALUE : settlements.get(0).occurredAt();
            List<Refund> successful = refundsByOrder.getOrDefault(orderId, List.of());
            List<Refund> after = new ArrayList<>();
            long preRefunded = 0;
            for (Refund r : successful) {
                long when = Times.isPresent(r.completedAt()) ? r.completedAt() : r.appliedAt();
                if (r.declaredAfterSale() || (!settlements.isEmpty() && when >= firstSettlementAt)) {
                    after.add(r);
                } else {
                    preRefunded += r.refundFen();
                }
            }
            long actual = settlements.stream().mapToLong(LedgerLine::incomeFen).sum();
            long duplicateFen = 0;
            if (order != null && order.status() == OrderStatus.SUCCESS) {
                long expected = order.paidFen() - preRefunded;
                if (settlements.isEmpty()) {
                    LocalDate due = Times.isPresent(order.confirmedAt()) ? Times.day(order.confirmedAt())
                            : Times.day(Times.isPresent(order.paidAt()) ? order.paidAt() : order.createdAt())
                                    .plusDays(config.autoConfirmDays());
                    if (expected > 0 && coveredRange(due, due.plusDays(config.graceDays()))) {
                        add(AnomalyType.MISSING_SETTLEMENT, due, orderId, null);
                    }
                } else if (Math.abs(expected - actual) > tolerance) {
                    LedgerLine duplicate = null;
                    for (int i = 1; i < settlements.size(); i++) {
                        LedgerLine l = settlements.get(i);
                        boolean excess = Math.abs(l.incomeFen() - (actual - expected)) <= tolerance;
                        boolean twin = settlements.stream().anyMatch(o -> o != l && o.incomeFen() == l.incomeFen());
                        if (excess && twin) {
                            duplicate = l;
                        }
                    }
                    if (duplicate != null) {
                        duplicateFen = duplicate.incomeFen();
                        add(AnomalyType.DUPLICATE_SETTLEMENT, Times.day(duplicate.occurredAt()), orderId,
                                duplicate.lineId());
                    } else {
                        LedgerLine last = settlements.get(settlements.size() - 1);
                        add(AnomalyType.AMOUNT_MISMATCH, Times.day(last.occurredAt()), orderId, last.lineId());
                    }
                }
            }
            for (LedgerLine l : settlements) {
                if (order == null) {
                    add(AnomalyType.UNMATCHED_SETTLEMENT, Times.day(l.occurredAt()), orderId, l.lineId());
                } else if (order.status() == OrderStatus.CLOSED) {
                    add(AnomalyType.SETTLEMENT_ON_CLOSED_ORDER, Times.day(l.occurredAt()), orderId, l.lineId());
                }
            }
            refundRules(orderId, after, own.stream().filter(l -> l.lineClass() == LineClass.REFUND).toList());
            if (order != null && order.status() != OrderStatus.CLOSED && !settlements.isEmpty()) {
                commissionRule(order, own, settlements, actual - duplicateFen);
            }
        }
        for (LedgerLine l : lines) {
            if (l.orderId() == null && l.lineClass() == LineClass.REFUND) {
                add(AnomalyType.UNEXPLAINED_REFUND, Times.day(l.occurredAt()), null, l.lineId());
            }
        }
        dayRules();
        return new HashSet<>(found);
    }

    private void refundRules(String orderId, List<Refund> after, List<LedgerLine> refundLines) {
        List<Refund> refundsLeft = new ArrayList<>(after);
        refundsLeft.sort(Comparator.comparingLong(Refund::dayTime).thenComparing(Refund::refundId));
        List<LedgerLine> linesLeft = new ArrayList<>(refundLines);
        for (Refund r : List.copyOf(refundsLeft)) {
            for (LedgerLine l : linesLeft) {
                if (Math.abs(net(l) - r.refundFen()) <= config.toleranceFen()) {
                    linesLeft.remove(l);
                    refundsLeft.remove(r);
                    break;
                }
            }
        }
        while (!refundsLeft.isEmpty() && !linesLeft.isEmpty()) {
            LedgerLine l = linesLeft.remove(0);
            refundsLeft.remove(0);
            add(AnomalyType.REFUND_AMOUNT_MISMATCH, Times.day(l.occurredAt()), orderId, l.lineId());
        }
        for (Refund r : refundsLeft) {
            LocalDate d = Times.day(r.dayTime());
            if (coveredRange(d, d.plusDays(1))) {
                add(AnomalyType.REFUND_NOT_DEDUCTED, d, orderId, null);
            }
        }
        for (LedgerLine l : linesLeft) {
            add(AnomalyType.UNEXPLAINED_REFUND, Times.day(l.occurredAt()), orderId, l.lineId());
        }
    }

    private void commissionRule(Order order, List<LedgerLine> own, List<LedgerLine> settlements, long base) {
        long expectedFee = BigDecimal.valueOf(base).multiply(config.commissionRate(order.category()))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        List<LedgerLine> commissions = own.stream().filter(l -> l.lineClass() == LineClass.COMMISSION).toList();
        LocalDate firstDay = Times.day(settlements.get(0).occurredAt());
        if (commissions.isEmpty() && !coveredRange(firstDay, firstDay.plusDays(1))) {
            return;
        }
        long charged = commissions.stream().mapToLong(RulesReference::net).sum();
        long allowed = Math.max(config.toleranceFen(), BigDecimal.valueOf(expectedFee).multiply(new BigDecimal("0.02"))
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
        if (Math.abs(charged - expectedFee) > allowed) {
            LedgerLine last = commissions.isEmpty() ? null : commissions.get(commissions.size() - 1);
            add(AnomalyType.FEE_MISMATCH, last == null ? firstDay : Times.day(last.occurredAt()), order.orderId(),
                    last == null ? null : last.lineId());
        }
    }

    private void dayRules() {
        Map<LocalDate, List<LedgerLine>> byDay = new TreeMap<>();
        lines.forEach(l -> byDay.computeIfAbsent(Times.day(l.occurredAt()), k -> new ArrayList<>()).add(l));
        Long previousClosing = null;
        for (Map.Entry<LocalDate, List<LedgerLine>> day : byDay.entrySet()) {
            List<LedgerLine> dayLines = day.getValue();
            dayLines.sort(LEDGER_ORDER);
            LedgerLine first = dayLines.get(0);
            long opening = first.balanceFen() - first.netFen();
            if (previousClosing != null && previousClosing != opening) {
                add(AnomalyType.BALANCE_GAP, day.getKey(), null, first.lineId());
            }
            for (int i = 1; i < dayLines.size(); i++) {
                LedgerLine l = dayLines.get(i);
                if (Math.abs(l.balanceFen() - l.netFen() - dayLines.get(i - 1).balanceFen()) > config.toleranceFen()) {
                    add(AnomalyType.BALANCE_BREAK, day.getKey(), null, l.lineId());
                    break;
                }
            }
            previousClosing = dayLines.get(dayLines.size() - 1).balanceFen();

            long settled = 0;
            long refunded = 0;
            long fees = 0;
            long known = 0;
            BigDecimal knownFees = BigDecimal.ZERO;
            for (LedgerLine l : dayLines) {
                switch (l.lineClass()) {
                    case SETTLEMENT -> {
                        settled += l.incomeFen();
                        Order order = l.orderId() == null ? null : orders.get(l.orderId());
                        if (order != null) {
                            known += l.incomeFen();
                            knownFees = knownFees.add(BigDecimal.valueOf(l.incomeFen())
                                    .multiply(config.commissionRate(order.category())));
                        }
                    }
                    case REFUND -> refunded += net(l);
                    case COMMISSION, AFFILIATE_FEE, PAYMENT_FEE, POINTS -> fees += net(l);
                    default -> { }
                }
            }
            if (settled == 0) {
                continue;
            }
            if (BigDecimal.valueOf(refunded).compareTo(BigDecimal.valueOf(settled).multiply(config.refundRateHigh())) > 0) {
                add(AnomalyType.REFUND_RATE_HIGH, day.getKey(), null, null);
            }
            BigDecimal rate = known > 0 ? knownFees.divide(BigDecimal.valueOf(known), 10, RoundingMode.HALF_UP)
                    : config.commissionDefault();
            long threshold = BigDecimal.valueOf(settled).multiply(rate).multiply(config.feeRatioFactor())
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            if (fees > threshold) {
                add(AnomalyType.FEE_RATIO_HIGH, day.getKey(), null, null);
            }
        }
    }

    private boolean coveredRange(LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!covered.contains(d)) {
                return false;
            }
        }
        return true;
    }

    private static long net(LedgerLine l) {
        return l.expenseFen() - l.incomeFen();
    }

    private void add(AnomalyType type, LocalDate day, String orderId, String lineId) {
        found.add(new PlantedAnomaly(type, day, orderId, lineId));
    }
}
