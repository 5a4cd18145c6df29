package recon.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import recon.domain.FileKind;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.Times;

class OrderReportTest {
    private static final String HEADER =
            "订单编号,买家会员名,买家实际支付金额,订单状态,收货人姓名,联系手机,收货地址,订单创建时间,订单付款时间,确认收货时间,类目,发票抬头";

    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static long at(String local) {
        return Times.of(LocalDateTime.parse(local));
    }

    @Test
    void readsOrdersWithAllFields() {
        // given
        String file = csv(HEADER,
                "=\"3553498017448001\",tb_小明,\"1,234.50\",交易成功,张三,13800000000,北京市某路1号,"
                        + "2026-11-02 10:11:12,2026/11/2 10:12:00,2026-11-10 08:00,女装/连衣裙,某某公司",
                "3553498017448002\t,,￥12.00,买家已付款，等待卖家发货,李四,13900000000,上海,2026-11-03,,,,");

        // when
        Collected got = Collected.ingest("订单报表.csv", file, UTF_8);

        // then
        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.outcome().kind()).isEqualTo(FileKind.TMALL_ORDERS);
        assertThat(got.outcome().rows()).isEqualTo(2);
        assertThat(got.orders).containsExactly(
                new Order("3553498017448001", 123450, OrderStatus.SUCCESS, at("2026-11-02T10:11:12"),
                        at("2026-11-02T10:12:00"), at("2026-11-10T08:00:00"), "女装/连衣裙", true,
                        Cells.buyerHash(Cells.sha256(), "tb_小明")),
                new Order("3553498017448002", 1200, OrderStatus.AWAITING_SHIPMENT, at("2026-11-03T00:00:00"),
                        Times.NONE, Times.NONE, "", false, ""));
    }

    @Test
    void keepsNoPersonalDataInRecords() {
        // given
        String file = csv(HEADER, "3553498017448001,tb_小明,10,交易成功,张三,13800000000,北京市某路1号,2026-11-02,,,,");

        // when
        Collected got = Collected.ingest("订单报表.csv", file, UTF_8);

        // then
        assertThat(got.orders).singleElement().asString()
                .doesNotContain("tb_小明", "张三", "13800000000", "北京");
    }

    @Test
    void acceptsEveryStatusLabel() {
        // given
        String file = csv("订单编号,买家实际支付金额,订单状态,订单创建时间",
                "1,1,等待买家付款,2026-11-02", "2,1,等待卖家发货,2026-11-02",
                "3,1,买家已付款,等待卖家发货,2026-11-02".replace("买家已付款,等待卖家发货", "\"买家已付款,等待卖家发货\""),
                "4,1,卖家已发货，等待买家确认,2026-11-02", "5,1,交易成功,2026-11-02", "6,1,交易关闭,2026-11-02");

        // when
        Collected got = Collected.ingest("o.csv", file, UTF_8);

        // then
        assertThat(got.orders).extracting(Order::status).containsExactly(OrderStatus.AWAITING_PAYMENT,
                OrderStatus.AWAITING_SHIPMENT, OrderStatus.AWAITING_SHIPMENT, OrderStatus.SHIPPED,
                OrderStatus.SUCCESS, OrderStatus.CLOSED);
    }

    @Test
    void rejectsUnknownStatus() {
        String file = csv("订单编号,买家实际支付金额,订单状态,订单创建时间", "1,1,交易成功,2026-11-02", "2,1,已发货吧,2026-11-02");

        Collected got = Collected.ingest("o.csv", file, UTF_8);

        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().line()).isEqualTo(3);
        assertThat(got.outcome().error()).isEqualTo("第 3 行：订单状态 \"已发货吧\" 无法识别");
    }

    @Test
    void rejectsOrderIdDestroyedByExcelNamingTheLine() {
        // given: the header on line 1, the bad id on line 37
        StringBuilder file = new StringBuilder("订单编号,买家实际支付金额,订单状态,订单创建时间\r\n");
        for (int i = 2; i < 37; i++) {
            file.append(3553498017448000L + i).append(",10,交易成功,2026-11-02\r\n");
        }
        file.append("3.55349801744800E+18,10,交易成功,2026-11-02\r\n");

        // when
        Collected got = Collected.ingest("o.csv", file.toString(), UTF_8);

        // then
        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error())
                .isEqualTo("第 37 行：订单编号 \"3.55349801744800E+18\" 已被 Excel 改成科学计数法，无法还原");
    }

    @Test
    void rejectsOrderIdWithOtherCharacters() {
        String file = csv("订单编号,买家实际支付金额,订单状态,订单创建时间", "35534980-17,10,交易成功,2026-11-02");

        Collected got = Collected.ingest("o.csv", file, UTF_8);

        assertThat(got.outcome().error()).isEqualTo("第 2 行：订单编号 \"35534980-17\" 不是有效的编号");
    }

    @Test
    void rejectsInvalidDateWithLine() {
        String file = csv("订单编号,买家实际支付金额,订单状态,订单创建时间", "1,10,交易成功,2026-13-45");

        Collected got = Collected.ingest("o.csv", file, UTF_8);

        assertThat(got.outcome().error()).isEqualTo("第 2 行：订单创建时间 \"2026-13-45\" 不是有效时间");
    }

    @Test
    void rejectsMissingRequiredAmountButNotMissingOptionalTime() {
        String file = csv("订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间", "1,10,交易成功,2026-11-02,", "2,,交易成功,2026-11-02,");

        Collected got = Collected.ingest("o.csv", file, UTF_8);

        assertThat(got.outcome().error()).isEqualTo("第 3 行：缺少买家实际支付金额");
    }

    @Test
    void rejectsBadAmountNamingLineColumnAndValue() {
        String file = csv("订单编号,实付金额,订单状态,订单创建时间", "1,1.234,交易成功,2026-11-02");

        Collected got = Collected.ingest("o.csv", file, UTF_8);

        assertThat(got.outcome().error()).isEqualTo("第 2 行：买家实际支付金额 \"1.234\" 不是有效金额");
    }

    @Test
    void errorsNeverShowPersonalData() {
        // given: the buyer's phone is in a row rejected for its date
        String file = csv(HEADER, "3553498017448001,tb_小明,10,交易成功,张三,13800000000,北京,昨天,,,,");

        // when
        Collected got = Collected.ingest("o.csv", file, UTF_8);

        // then
        assertThat(got.outcome().error()).isEqualTo("第 2 行：订单创建时间 \"昨天\" 不是有效时间")
                .doesNotContain("张三", "13800000000", "tb_小明");
    }

    @Test
    void readsGbkWithHeaderBelowTitleRowsAndColumnsInAnyOrder() {
        // given: GBK bytes, a title line and a blank line before the header, shuffled and extra columns
        String file = csv("天猫订单报表导出", "", "备用列,订单状态,订单创建时间,主订单编号,买家实付金额",
                "x,交易关闭,2026-11-02 10:00:00,3553498017448001,8.80");

        // when
        Collected got = Collected.ingest("orders.csv", file, Charset.forName("GBK"));

        // then
        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.orders).singleElement().satisfies(o -> {
            assertThat(o.orderId()).isEqualTo("3553498017448001");
            assertThat(o.paidFen()).isEqualTo(880);
            assertThat(o.status()).isEqualTo(OrderStatus.CLOSED);
        });
    }

    @Test
    void acceptsHeaderOnlyFileWithZeroRows() {
        Collected got = Collected.ingest("o.csv", csv(HEADER), UTF_8);

        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.outcome().kind()).isEqualTo(FileKind.TMALL_ORDERS);
        assertThat(got.outcome().rows()).isZero();
    }

    @Test
    void countsOnlyDataRowsNotBlankOnes() {
        String file = csv("订单编号,买家实际支付金额,订单状态,订单创建时间", "1,1,交易成功,2026-11-02", ",,,", "", "2,1,交易成功,2026-11-02");

        Collected got = Collected.ingest("o.csv", file, UTF_8);

        assertThat(got.outcome().rows()).isEqualTo(2);
        assertThat(got.orders).hasSize(2);
    }

    @Test
    void rejectsRowWithTextOnlyInColumnsNotRead() {
        // given: a row empty in every column the order report is read by, but for a remark column
        String file = csv("订单编号,备注,买家实际支付金额,订单状态,订单创建时间", "1,,1,交易成功,2026-11-02",
                ",仅有备注,,,", ",=\"\",,,", "2,,1,交易成功,2026-11-02");

        // when
        Collected got = Collected.ingest("o.csv", file, UTF_8);

        // then: the row is not taken for a blank one (the one with an empty ="" cell is)
        assertThat(got.outcome().accepted()).isFalse();
        assertThat(got.outcome().error()).isEqualTo("第 3 行：缺少订单编号");
    }

    @Test
    void readsCellsOfTheColumnsReadWhateverTheColumnsAround() {
        // given: columns not read before, between and after the ones read, some wider than the header
        String file = csv("买家留言,订单编号,备注,买家实际支付金额,订单状态,订单创建时间,类目",
                "你好,1,\"多行\n备注\",8.80,交易成功,2026-11-02,女鞋,多余,多余",
                "\"a,b\",2,,1.00,交易关闭,2026-11-03");

        // when
        Collected got = Collected.ingest("o.csv", file, UTF_8);

        // then
        assertThat(got.outcome().accepted()).isTrue();
        assertThat(got.outcome().rows()).isEqualTo(2);
        assertThat(got.orders).satisfiesExactly(
                o -> {
                    assertThat(o.orderId()).isEqualTo("1");
                    assertThat(o.paidFen()).isEqualTo(880);
                    assertThat(o.category()).isEqualTo("女鞋");
                },
                o -> {
                    assertThat(o.orderId()).isEqualTo("2");
                    assertThat(o.status()).isEqualTo(OrderStatus.CLOSED);
                    assertThat(o.category()).isEmpty();
                });
    }
}
