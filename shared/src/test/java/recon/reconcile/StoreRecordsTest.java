package recon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import recon.domain.Channel;
import recon.domain.FileKind;
import recon.domain.Invoice;
import recon.domain.InvoiceStatus;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.Times;

class StoreRecordsTest {
    private static Order order(OrderStatus status, long confirmedAt) {
        return new Order("3553498017448001", 19900, status, 1000, 2000, confirmedAt, "", false, "");
    }

    @Test
    void keepsTheMostAdvancedStatusWhateverTheArrivalOrder() {
        Order shipped = order(OrderStatus.SHIPPED, Times.NONE);
        Order done = order(OrderStatus.SUCCESS, 5000);

        StoreRecords oldFirst = new StoreRecords();
        oldFirst.add(shipped);
        oldFirst.add(done);
        StoreRecords newFirst = new StoreRecords();
        newFirst.add(done);
        newFirst.add(shipped);

        assertThat(oldFirst.order("3553498017448001")).isEqualTo(done);
        assertThat(newFirst.order("3553498017448001")).isEqualTo(done);
    }

    @Test
    void sameLedgerLineTwiceIsOneLine() {
        LedgerLine line = new LedgerLine("20261102000123", "3553498017448001", 3000, 19900, 0, 50000,
                LineClass.SETTLEMENT, "交易付款");
        StoreRecords records = new StoreRecords();
        records.add(line);
        records.add(line);
        assertThat(records.ledgerLines()).containsExactly(line);
    }

    @Test
    void theSameLineIdInTheTwoBillsIsTwoLines() {
        LedgerLine alipay = new LedgerLine("20261102000123", "3553498017448001", 3000, 19900, 0, 50000,
                LineClass.SETTLEMENT, "交易付款");
        LedgerLine wechat = new LedgerLine(Channel.TAOTIAN_WECHAT, "20261102000123", "3553498017448002", 3000, 9900, 0,
                LedgerLine.NO_BALANCE, LineClass.SETTLEMENT, "交易收款");
        StoreRecords records = new StoreRecords();
        records.add(alipay);
        records.add(wechat);
        records.add(wechat);
        records.cover(FileKind.TAOTIAN_WECHAT, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4));
        records.cover(FileKind.ALIPAY_LEDGER, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 5));

        assertThat(records.ledgerLines()).containsExactlyInAnyOrder(alipay, wechat);
        assertThat(records.ledgerLines()).hasSize(2);
        assertThat(records.channelsBilled()).containsExactly(Channel.ALIPAY, Channel.TAOTIAN_WECHAT);
        assertThat(records.ledgerDays(Set.of(Channel.ALIPAY, Channel.TAOTIAN_WECHAT)))
                .containsExactly(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
    }

    @Test
    void finalRefundStatusWins() {
        Refund pending = new Refund("R1", "3553498017448001", 500, RefundStatus.PENDING, 100, Times.NONE, false);
        Refund success = new Refund("R1", "3553498017448001", 500, RefundStatus.SUCCESS, 100, 900, false);
        StoreRecords records = new StoreRecords();
        records.add(success);
        records.add(pending);
        assertThat(records.refunds()).containsExactly(success);
    }

    @Test
    void anInvoiceInTwoOverlappingExportsIsOneAndItsLaterStateWinsInEitherOrder() {
        Invoice issued = new Invoice("26442000000000000001", "3553498017448001", 19_900, false, InvoiceStatus.ISSUED, 100, "", true);
        Invoice reversed = new Invoice("26442000000000000001", "3553498017448001", 19_900, false, InvoiceStatus.REVERSED, 100, "", true);
        Invoice other = new Invoice("26442000000000000002", "3553498017448001", -19_900, true, InvoiceStatus.ISSUED, 50, "02", true);
        StoreRecords oneWay = new StoreRecords();
        List.of(issued, other, reversed, issued).forEach(oneWay::add);
        StoreRecords otherWay = new StoreRecords();
        List.of(reversed, issued, other).forEach(otherWay::add);

        assertThat(oneWay.invoices()).containsExactly(other, reversed).isEqualTo(otherWay.invoices());
    }

    @Test
    void aBatchAddsNothingUntilCommitted() {
        StoreRecords records = new StoreRecords();
        StoreRecords.Batch batch = records.newBatch();
        batch.order(order(OrderStatus.SUCCESS, 5000));
        batch.coverage(FileKind.ALIPAY_LEDGER, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3));
        assertThat(records.orders()).isEmpty();
        assertThat(records.coveredDays(FileKind.ALIPAY_LEDGER)).isEmpty();

        batch.commit();

        assertThat(records.orders()).hasSize(1);
        assertThat(records.coveredDays(FileKind.ALIPAY_LEDGER)).containsExactly(
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3));
    }

    @Test
    void committedBatchesAddTheirRecordsInTheirOrder() {
        // given two files' batches: lines of two days, and the same order in two states
        StoreRecords records = new StoreRecords();
        LedgerLine first = new LedgerLine("20261102000001", "3553498017448001", 3000, 19900, 0, 50000,
                LineClass.SETTLEMENT, "交易付款");
        LedgerLine second = new LedgerLine("20261103000001", null, 90000, 0, 100, 49900, LineClass.OTHER, "收费");
        StoreRecords.Batch ledger = records.newBatch();
        ledger.ledgerLine(second);
        ledger.ledgerLine(first);
        ledger.coverage(FileKind.ALIPAY_LEDGER, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3));
        StoreRecords.Batch orders = records.newBatch();
        orders.order(order(OrderStatus.SUCCESS, 5000));
        orders.order(order(OrderStatus.SHIPPED, Times.NONE));

        // when both are committed, one after the other
        ledger.commit();
        orders.commit();

        // then every record is in, the lines in the order they were added
        assertThat(records.ledgerLines()).containsExactly(second, first);
        assertThat(records.order("3553498017448001").status()).isEqualTo(OrderStatus.SUCCESS);
        assertThat(records.coveredDays(FileKind.ALIPAY_LEDGER)).containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3));
    }
}
