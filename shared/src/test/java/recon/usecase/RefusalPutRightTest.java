package recon.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import recon.port.StoreRef;

/** A refused export downloaded again and uploaded under its name: the reports stop saying the data is incomplete. */
class RefusalPutRightTest {
    private static final String HEADER = "订单编号,买家实际支付金额,订单状态,订单创建时间,订单付款时间\r\n";

    private static byte[] orders(String status) {
        return (HEADER + "3553498017448001,199.00," + status + ",2026-11-02 09:00:00,2026-11-02 09:01:00\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] LEDGER = ("#支付宝账务明细查询\r\n#账号：[2088102177400456]\r\n"
            + "#起始日期：[2026年11月01日 00:00:00]   终止日期：[2026年11月30日 23:59:59]\r\n"
            + "账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注\r\n"
            + "20261105000001,,T200P3553498017448001,宝贝,2026-11-05 13:00:00,,199.00,,199.00,支付宝,交易付款,\r\n")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aRefusalIsPutRightByTheSameFileAcceptedLaterAndStaysWhileNothingReplacesIt() {
        Pipeline pipeline = new Pipeline();
        StoreRef store = new StoreRef("t1", "s1");
        pipeline.run(List.of(pipeline.put(store.prefix() + "inbox/支付宝.csv", LEDGER),
                pipeline.put(store.prefix() + "inbox/订单.csv", orders("已发货吧")),
                pipeline.put(store.prefix() + "inbox/退款.csv", "退款编号\r\nx\r\n".getBytes(StandardCharsets.UTF_8))));
        String before = pipeline.text(store.prefix() + "reports/2026-11-05/summary.json");
        assertThat(before).contains("\"name\" : \"订单.csv\"", "\"status\" : \"REJECTED\"");

        pipeline.run(List.of(pipeline.put(store.prefix() + "inbox/11月/订单.csv", orders("交易成功"))));

        // the order's day lists the order report once, accepted; a refused file is listed on every day
        String paidDay = pipeline.text(store.prefix() + "reports/2026-11-02/summary.json");
        assertThat(paidDay).contains("\"name\" : \"订单.csv\"").as("the other refusal stays").contains("退款.csv");
        assertThat(paidDay.split("\"name\" : \"订单.csv\"", -1)).as("订单.csv listed once, accepted").hasSize(2);
        assertThat(paidDay).doesNotContain("已发货吧");
        // the settlement's day holds no record of the order report: the refusal is gone from it, the other stays
        String after = pipeline.text(store.prefix() + "reports/2026-11-05/summary.json");
        assertThat(after).doesNotContain("订单.csv").contains("退款.csv");
        assertThat(pipeline.text(store.prefix() + "reports/2026-11-05/report.html")).contains("数据不完整：1 个文件被拒收（退款.csv");
    }
}
