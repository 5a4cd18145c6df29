package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.FileKind;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.StoreConfig;
import recon.domain.Times;
import recon.testing.Gen;
import recon.testing.Property;

/** Whichever account a clean order's money goes through, the books are the same. */
class ChannelPropertiesTest {
    private static final StoreConfig CONFIG = new StoreConfig(new BigDecimal("0.02"),
            Map.of("数码", new BigDecimal("0.05")), 1, 3, 20, new BigDecimal("0.30"), new BigDecimal("1.5"));
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    private static final int DAYS = 20;

    /** One clean order: paid on a day, confirmed some days later, settled in full and charged its rate. */
    record CleanOrder(long paidFen, int paidDay, int confirmedAfter, int secondOfDay, String category) {}

    @Test
    void movingCleanOrdersMoneyFromOneBillToTheOtherNeverCreatesAnAnomaly() {
        Gen<CleanOrder> orders = c -> new CleanOrder(Gen.longs(100, 500_000).generate(c), Gen.ints(0, 9).generate(c),
                Gen.ints(1, 8).generate(c), Gen.ints(28_800, 79_200).generate(c), Gen.of("", "数码").generate(c));
        Gen<List<Boolean>> inWeChat = Gen.booleans().list(12);
        Property.tries(300).forAll(orders.list(1, 12), inWeChat, (store, moved) -> {
            Reconciliation alipayOnly = new Reconciler(CONFIG).reconcile(records(store, order -> false));

            Reconciliation split = new Reconciler(CONFIG).reconcile(records(store, moved::get));

            assertThat(alipayOnly.anomalies()).as("a clean store").isEmpty();
            assertThat(split.anomalies()).as("its money moved between the bills").isEmpty();
            assertThat(split.days()).hasSameSizeAs(alipayOnly.days());
            for (int i = 0; i < split.days().size(); i++) {
                DayFigures before = alipayOnly.days().get(i);
                DayFigures after = split.days().get(i);
                assertThat(after.settledAmount()).isEqualTo(before.settledAmount())
                        .isEqualTo(after.settledIn(Channel.ALIPAY) + after.settledIn(Channel.TAOTIAN_WECHAT));
                assertThat(after.settledCount()).isEqualTo(before.settledCount());
                assertThat(after.commissionAmount()).isEqualTo(before.commissionAmount());
                assertThat(after.matchedOrders()).isEqualTo(before.matchedOrders());
                assertThat(after.openItems()).isEqualTo(before.openItems());
            }
        });
    }

    interface Placement {
        boolean inWeChat(int order);
    }

    /**
     * The store's orders and bill lines, each order's in the bill the placement says; the Alipay lines
     * with the running balance of that account. Every bill and report covers the whole period.
     */
    private static StoreRecords records(List<CleanOrder> store, Placement placement) {
        StoreRecords records = new StoreRecords();
        List<LedgerLine> alipay = new ArrayList<>();
        for (int i = 0; i < store.size(); i++) {
            CleanOrder o = store.get(i);
            String orderId = Long.toString(3_553_498_017_448_000L + i);
            long paidAt = Times.startOf(FIRST_DAY.plusDays(o.paidDay())) + o.secondOfDay();
            long confirmedAt = paidAt + o.confirmedAfter() * 86_400L;
            records.add(new Order(orderId, o.paidFen(), OrderStatus.SUCCESS, paidAt - 60, paidAt, confirmedAt,
                    o.category(), false, ""));
            long fee = Rates.apply(o.paidFen(), CONFIG.commissionRate(o.category()));
            Channel channel = placement.inWeChat(i) ? Channel.TAOTIAN_WECHAT : Channel.ALIPAY;
            List<LedgerLine> lines = List.of(
                    new LedgerLine(channel, "S" + i, orderId, confirmedAt + 1, o.paidFen(), 0, 0, LineClass.SETTLEMENT, "交易收款"),
                    new LedgerLine(channel, "C" + i, orderId, confirmedAt + 2, 0, fee, 0, LineClass.COMMISSION, "技术服务费"));
            if (channel == Channel.ALIPAY) {
                alipay.addAll(lines);
            } else {
                lines.forEach(line -> records.add(withBalance(line, LedgerLine.NO_BALANCE)));
            }
        }
        alipay.sort(LedgerLine.BY_TIME);
        long balance = 1_000_00;
        for (LedgerLine line : alipay) {
            balance += line.netFen();
            records.add(withBalance(line, balance));
        }
        LocalDate last = FIRST_DAY.plusDays(DAYS - 1);
        for (FileKind kind : List.of(FileKind.ALIPAY_LEDGER, FileKind.TAOTIAN_WECHAT, FileKind.TMALL_ORDERS,
                FileKind.TMALL_REFUNDS)) {
            records.cover(kind, FIRST_DAY, last);
        }
        return records;
    }

    private static LedgerLine withBalance(LedgerLine line, long balanceFen) {
        return new LedgerLine(line.channel(), line.lineId(), line.orderId(), line.occurredAt(), line.incomeFen(),
                line.expenseFen(), balanceFen, line.lineClass(), line.businessType());
    }
}
