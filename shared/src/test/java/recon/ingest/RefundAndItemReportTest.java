package recon.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import recon.domain.FileKind;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.Times;

class RefundAndItemReportTest {

    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    @Test
    void readsRefundsWithStatusAndStage() {
        // given: the order report's columns are there too (订单编号, 买家实际支付金额): still a refund report
        String file = csv("订单编号,退款编号,支付宝交易号,买家实际支付金额,买家退款金额,退款状态,退款的申请时间,退款完结时间,是否需要退货,退款原因,售中或售后",
                "3553498017448001,90001,2026,100,30.5,退款成功,2026-11-05 10:00:00,2026-11-06 11:00:00,否,不想要了,售后",
                "3553498017448002,90002,2026,100,10,退款关闭,2026-11-05,,否,,售中",
                "3553498017448003,90003,2026,100,10,等待卖家同意,,,否,,");

        // when
        Collected got = Collected.ingest("退款.csv", file, UTF_8);

        // then
        assertThat(got.outcome().kind()).isEqualTo(FileKind.TMALL_REFUNDS);
        assertThat(got.outcome().rows()).isEqualTo(3);
        assertThat(got.refunds).containsExactly(
                new Refund("90001", "3553498017448001", 3050, RefundStatus.SUCCESS,
                        Times.of(LocalDateTime.parse("2026-11-05T10:00:00")),
                        Times.of(LocalDateTime.parse("2026-11-06T11:00:00")), true),
                new Refund("90002", "3553498017448002", 1000, RefundStatus.CLOSED,
                        Times.of(LocalDateTime.parse("2026-11-05T00:00:00")), Times.NONE, false),
                new Refund("90003", "3553498017448003", 1000, RefundStatus.PENDING, Times.NONE, Times.NONE, false));
    }

    @Test
    void refundReportAcceptsShortColumnAliases() {
        String file = csv("订单编号,退款编号,退款金额,退款状态,申请时间,完结时间", "1,2,3,退款成功,2026-11-05,2026-11-06");

        Collected got = Collected.ingest("r.csv", file, UTF_8);

        assertThat(got.refunds).singleElement().satisfies(r -> {
            assertThat(r.refundFen()).isEqualTo(300);
            assertThat(Times.day(r.completedAt())).hasToString("2026-11-06");
        });
    }

    @Test
    void rejectsRefundIdDestroyedByExcel() {
        String file = csv("订单编号,退款编号,退款金额,退款状态", "1,9.0001E+14,3,退款成功");

        Collected got = Collected.ingest("r.csv", file, UTF_8);

        assertThat(got.outcome().error()).isEqualTo("第 2 行：退款编号 \"9.0001E+14\" 已被 Excel 改成科学计数法，无法还原");
    }

    @Test
    void countsItemRowsWithoutEmittingRecords() {
        String file = csv("子订单编号,主订单编号,标题,价格,购买数量,商家编码,订单状态,退款状态",
                "35534980174480011,3553498017448001,连衣裙,99.00,2,SKU1,交易成功,",
                "35534980174480021,3553498017448002,衬衫,59,1,SKU2,交易关闭,退款成功");

        Collected got = Collected.ingest("宝贝.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.outcome().kind()).isEqualTo(FileKind.TMALL_ITEMS);
        assertThat(got.outcome().rows()).isEqualTo(2);
        assertThat(got.orders).isEmpty();
        assertThat(got.refunds).isEmpty();
    }

    @Test
    void rejectsItemRowWithBadQuantity() {
        String file = csv("子订单编号,主订单编号,价格,购买数量", "11,1,99.00,两件");

        Collected got = Collected.ingest("宝贝.csv", file, UTF_8);

        assertThat(got.outcome().error()).isEqualTo("第 2 行：购买数量 \"两件\" 不是有效数量");
    }
}
