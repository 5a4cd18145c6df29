"""The reconciliation rules of the settlement, refund and commission checks, and the day totals, in pandas:
the peer `./recon bench` times against the engine. Vectorized throughout (no per-row Python); money in
integer fen. Writes OUT/anomalies.jsonl ({type, day, orderId, lineId, expected, actual}) and OUT/days.jsonl.

    python peer_pandas.py --input FOLDER --config config.json --out OUT
"""
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

import common

ONE_DAY = pd.Timedelta(days=1)
OTHER_FEES = ["AFFILIATE_FEE", "PAYMENT_FEE", "POINTS"]
ID_COLUMNS = {"orderId", "refundId", "lineId"}
# Arrow's decimal parse is exact: yuan text becomes fen without going through floats
YUAN = pd.ArrowDtype(pa.decimal128(18, 2))


def read(export):
    """One export as text columns named canonically, cells cleaned of tab padding and the ="…" wrapping."""
    frame = pd.read_csv(export.path, skiprows=export.preamble_lines, comment="#", dtype=str,
                        keep_default_na=False, usecols=list(export.columns))
    frame = frame.rename(columns=export.columns)
    for column in frame.columns:
        frame[column] = frame[column].str.strip()
    for column in ID_COLUMNS.intersection(frame.columns):
        frame[column] = frame[column].str.lstrip('="').str.rstrip('"')
    for column in common.COLUMNS[export.kind]:
        if column not in frame:
            frame[column] = ""
    return frame


def read_all(exports):
    return pd.concat([read(e) for e in exports], ignore_index=True)


def fen(text):
    """Yuan text ("1,234.50", "-3.2", "￥12", "") as integer fen."""
    plain = text.str.replace(",", "", regex=False).str.replace("￥", "", regex=False).str.replace("¥", "", regex=False)
    yuan = plain.mask(plain == "").astype(YUAN)
    return (yuan * 100).astype("int64[pyarrow]").fillna(0).astype("int64")


def time(text):
    return pd.to_datetime(text.mask(text == ""), format="%Y-%m-%d %H:%M:%S")


def blank_to_na(text):
    return text.mask(text == "")


def half_up(numerator, denominator):
    """numerator / denominator rounded half away from zero (BigDecimal HALF_UP), on integer arrays."""
    return np.sign(numerator) * ((np.abs(numerator) * 2 + denominator) // (2 * denominator))


def ledger_lines(exports):
    raw = read_all(exports)
    lines = pd.DataFrame({
        "lineId": raw.lineId,
        "occurredAt": time(raw.occurredAt),
        "income": fen(raw.income),
        "expense": fen(raw.expense).abs(),  # some exports write the expense signed
    })
    # the line classes of docs/domain.md, most specific text first
    said = raw.businessType + "\x1f" + raw.memo + "\x1f" + raw.description
    kind = raw.businessType
    ad = said.str.contains("直通车|万相台|阿里妈妈")
    lines["cls"] = np.select(
        [said.str.contains("保证金"), said.str.contains("提现"),
         ad & (kind.str.contains("直通车|万相台|阿里妈妈") | said.str.contains("充值")),
         said.str.contains("天猫佣金|技术服务费|软件服务费"), said.str.contains("淘宝客"),
         said.str.contains("支付服务费"), said.str.contains("积分"), kind.str.contains("交易退款"),
         kind.str.contains("交易付款|在线支付|交易收款") & (lines.income > 0)],
        ["DEPOSIT", "WITHDRAWAL", "AD_TOPUP", "COMMISSION", "AFFILIATE_FEE", "PAYMENT_FEE", "POINTS", "REFUND",
         "SETTLEMENT"],
        "OTHER")
    # the order id: T200P + digits in 商户订单号, else 业务基础订单号, else a 15-20 digit number in 备注
    tmall = raw.merchantOrderNo.str.extract(r"^T200P([0-9]+)")[0]
    base = raw.baseOrderNo.where(raw.baseOrderNo.str.fullmatch(r"[0-9]+"))
    in_memo = raw.memo.str.replace(r"^(?:.*?[^0-9])?([0-9]{15,20})(?:[^0-9].*)?$", r"\1", regex=True)
    lines["orderId"] = tmall.fillna(base).fillna(in_memo.where(in_memo.str.fullmatch(r"[0-9]{15,20}")))
    # overlapping exports hold the same line (账务流水号) twice
    lines = lines.sort_values(["occurredAt", "lineId", "income", "expense"]).drop_duplicates("lineId")
    lines["day"] = lines.occurredAt.dt.normalize()
    lines["debit"] = lines.expense - lines.income
    return lines.reset_index(drop=True)


def orders_of(exports):
    raw = read_all(exports)
    status = raw.status.map({label: s for label, (s, _) in common.ORDER_STATUS.items()})
    orders = pd.DataFrame({
        "orderId": raw.orderId,
        "paid": fen(raw.paid),
        "status": status,
        "rank": raw.status.map({label: r for label, (_, r) in common.ORDER_STATUS.items()}),
        "createdAt": time(raw.createdAt),
        "paidAt": time(raw.paidAt),
        "confirmedAt": time(raw.confirmedAt),
        "category": raw.category,
    })
    # the same order in several reports: the most advanced status wins, then later times
    orders = orders.sort_values(["rank", "confirmedAt", "paidAt", "createdAt", "paid", "category"],
                                na_position="first")
    orders = orders.drop_duplicates("orderId", keep="last").set_index("orderId")
    orders["dayTime"] = orders.paidAt.fillna(orders.createdAt)
    return orders


def refunds_of(exports):
    raw = read_all(exports)
    status = np.select([raw.status == "退款成功", raw.status == "退款关闭"], ["SUCCESS", "CLOSED"], "PENDING")
    refunds = pd.DataFrame({
        "refundId": raw.refundId,
        "orderId": raw.orderId,
        "refundFen": fen(raw.refundAmount),
        "rank": np.select([status == "SUCCESS", status == "CLOSED"], [2, 1], 0),
        "status": status,
        "appliedAt": time(raw.appliedAt),
        "completedAt": time(raw.completedAt),
        "declaredAfterSale": raw.stage.str.contains("售后"),
    })
    refunds = refunds.sort_values(["rank", "completedAt", "appliedAt", "refundFen", "declaredAfterSale"],
                                  na_position="first").drop_duplicates("refundId", keep="last")
    refunds["dayTime"] = refunds.completedAt.fillna(refunds.appliedAt)
    return refunds


def covered(run_end, first, last):
    """Every day first..last is covered (Series of normalized timestamps, aligned)."""
    ends = pd.Series(run_end.reindex(first.values).values, index=first.index)
    return ends.notna() & (ends >= last)


def anomalies_frame(type_, day, order_id, line_id, expected, actual):
    n = len(day)
    return pd.DataFrame({
        "type": [type_] * n,
        "day": pd.Series(day).dt.strftime("%Y-%m-%d").values,
        "orderId": np.asarray(order_id, dtype=object) if order_id is not None else [None] * n,
        "lineId": np.asarray(line_id, dtype=object) if line_id is not None else [None] * n,
        "expected": np.asarray(expected, dtype="int64"),
        "actual": np.asarray(actual, dtype="int64"),
    })


def reconcile(lines, orders, refunds, config, run_end):
    tol = config.tolerance_fen
    found = []

    settlements = lines[lines.cls == "SETTLEMENT"]
    of_orders = settlements[settlements.orderId.notna()]
    by_order = of_orders.groupby("orderId", sort=False)
    settled = pd.DataFrame({"firstAt": by_order.occurredAt.first(), "lineCount": by_order.size(),
                            "settled": by_order.income.sum(), "lastLine": by_order.lineId.last(),
                            "lastDay": by_order.day.last()})

    # 售后 when the report says so or it completed at/after the first settlement; 售中 ones shrink the settlement
    successful = refunds[refunds.status == "SUCCESS"].join(settled.firstAt, on="orderId")
    successful["afterSale"] = successful.declaredAfterSale | (successful.dayTime >= successful.firstAt)
    pre_settlement = successful[~successful.afterSale].groupby("orderId").refundFen.sum()

    # 交易成功 orders: MISSING_SETTLEMENT, DUPLICATE_SETTLEMENT, AMOUNT_MISMATCH
    success = orders[orders.status == "SUCCESS"].join(settled)
    success["expected"] = success.paid - pre_settlement.reindex(success.index, fill_value=0)
    success["actual"] = success.settled.fillna(0).astype("int64")

    unsettled = success[success.lineCount.isna() & (success.expected > 0)]
    due = unsettled.confirmedAt.dt.normalize().fillna(
        unsettled.dayTime.dt.normalize() + pd.Timedelta(days=config.auto_confirm_days))
    missing = unsettled[covered(run_end, due, due + pd.Timedelta(days=config.grace_days))]
    found.append(anomalies_frame("MISSING_SETTLEMENT", due[missing.index], missing.index, None,
                                 missing.expected, np.zeros(len(missing))))

    wrong = success[success.lineCount.notna() & ((success.expected - success.actual).abs() > tol)].copy()
    wrong["excess"] = wrong.actual - wrong.expected
    candidates = of_orders.join(wrong.excess, on="orderId", how="inner")
    candidates = candidates[
        (candidates.groupby("orderId").cumcount() >= 1)
        & ((candidates.income - candidates.excess).abs() <= tol)
        & (candidates.groupby(["orderId", "income"]).income.transform("size") >= 2)]
    duplicates = candidates.groupby("orderId").last()
    dup = wrong.join(duplicates[["lineId", "day", "income"]], how="inner")
    found.append(anomalies_frame("DUPLICATE_SETTLEMENT", dup.day, dup.index, dup.lineId, dup.expected,
                                 dup.actual))
    mismatch = wrong[~wrong.index.isin(duplicates.index)]
    found.append(anomalies_frame("AMOUNT_MISMATCH", mismatch.lastDay, mismatch.index, mismatch.lastLine,
                                 mismatch.expected, mismatch.actual))

    # settlement lines without a known order, or of a 交易关闭 order
    line_status = settlements.orderId.map(orders.status)
    unmatched = settlements[line_status.isna()]
    found.append(anomalies_frame("UNMATCHED_SETTLEMENT", unmatched.day, unmatched.orderId, unmatched.lineId,
                                 np.zeros(len(unmatched)), unmatched.income))
    closed = settlements[line_status == "CLOSED"]
    found.append(anomalies_frame("SETTLEMENT_ON_CLOSED_ORDER", closed.day, closed.orderId, closed.lineId,
                                 np.zeros(len(closed)), closed.income))

    found += refund_anomalies(lines, successful, config, run_end)
    found.append(fee_anomalies(lines, orders, settled, dup.income, config, run_end))
    anomalies = pd.concat([f for f in found if len(f)], ignore_index=True)
    return anomalies, day_totals(lines)


def refund_anomalies(lines, successful, config, run_end):
    """After-sale refunds against REFUND lines per order: equal amounts paired first, then the rest in order."""
    after = successful[successful.afterSale].sort_values(["dayTime", "refundId"], na_position="first")
    refund_lines = lines[lines.cls == "REFUND"].rename(columns={"debit": "amount"})
    without_order = refund_lines[refund_lines.orderId.isna()]
    refund_lines = refund_lines[refund_lines.orderId.notna()]

    # the k-th refund of an amount pairs with the k-th line of that amount (the rule's greedy pairing)
    after = after.assign(k=after.groupby(["orderId", "refundFen"]).cumcount())
    refund_lines = refund_lines.assign(k=refund_lines.groupby(["orderId", "amount"]).cumcount())
    exact = after.merge(refund_lines, left_on=["orderId", "refundFen", "k"], right_on=["orderId", "amount", "k"],
                        suffixes=("", "_line"))
    open_refunds = after[~after.refundId.isin(exact.refundId)]
    open_lines = refund_lines[~refund_lines.lineId.isin(exact.lineId)]

    open_refunds = open_refunds.assign(n=open_refunds.groupby("orderId").cumcount())
    open_lines = open_lines.assign(n=open_lines.groupby("orderId").cumcount())
    paired = open_refunds.merge(open_lines, on=["orderId", "n"], suffixes=("", "_line"))
    found = [anomalies_frame("REFUND_AMOUNT_MISMATCH", paired.day, paired.orderId, paired.lineId,
                             paired.refundFen, paired.amount)]

    left = open_refunds[~open_refunds.refundId.isin(paired.refundId) & open_refunds.dayTime.notna()]
    day = left.dayTime.dt.normalize()
    left = left[covered(run_end, day, day + ONE_DAY)]
    found.append(anomalies_frame("REFUND_NOT_DEDUCTED", day[left.index], left.orderId, None, left.refundFen,
                                 np.zeros(len(left))))
    unexplained = pd.concat([open_lines[~open_lines.lineId.isin(paired.lineId)], without_order])
    found.append(anomalies_frame("UNEXPLAINED_REFUND", unexplained.day, unexplained.orderId, unexplained.lineId,
                                 np.zeros(len(unexplained)), unexplained.amount))
    return found


def fee_anomalies(lines, orders, settled, duplicate_fen, config, run_end):
    """COMMISSION lines of a settled, not 交易关闭 order against the settlement (less a duplicate) × rate."""
    tol = config.tolerance_fen
    fees = orders[orders.status != "CLOSED"].join(settled, how="inner")
    commissions = lines[(lines.cls == "COMMISSION") & lines.orderId.notna()].groupby("orderId", sort=False)
    fees = fees.join(pd.DataFrame({"charged": commissions.debit.sum(), "feeLine": commissions.lineId.last(),
                                   "feeDay": commissions.day.last()}))
    first_day = fees.firstAt.dt.normalize()
    fees = fees[fees.feeLine.notna() | covered(run_end, first_day, first_day + ONE_DAY)]
    base = fees.settled - duplicate_fen.reindex(fees.index, fill_value=0)
    rate = fees.category.map(config.rate_by_category).fillna(config.default_rate).astype("int64")
    expected = half_up(base * rate, common.RATE_SCALE)
    charged = fees.charged.fillna(0).astype("int64")
    allowed = np.maximum(tol, half_up(expected * 2, 100))
    wrong = (charged - expected).abs() > allowed
    fees = fees[wrong]
    day = fees.feeDay.fillna(fees.firstAt.dt.normalize())
    return anomalies_frame("FEE_MISMATCH", day, fees.index, fees.feeLine.where(fees.feeLine.notna(), None),
                           expected[wrong], charged[wrong])


def day_totals(lines):
    amount = np.where(lines.cls == "SETTLEMENT", lines.income, lines.debit)
    group = lines.cls.where(~lines.cls.isin(OTHER_FEES), "OTHER_FEE")
    table = pd.pivot_table(lines.assign(amount=amount, group=group), index="day", columns="group",
                           values="amount", aggfunc="sum", fill_value=0)
    count = lines[lines.cls == "SETTLEMENT"].groupby("day").size()
    days = pd.DataFrame({"settledCount": count.reindex(table.index, fill_value=0)}, index=table.index)
    for name, group_name in [("settledAmount", "SETTLEMENT"), ("refundAmount", "REFUND"),
                             ("commissionAmount", "COMMISSION"), ("otherFeeAmount", "OTHER_FEE")]:
        days[name] = table[group_name] if group_name in table else 0
    days = days.astype("int64").reset_index()
    days["day"] = days.day.dt.strftime("%Y-%m-%d")
    return days


def main():
    args = common.arguments(__doc__.splitlines()[0])
    config = common.Config(args.config)
    found = common.exports(args.input)
    lines = ledger_lines(found["ALIPAY_LEDGER"])
    orders = orders_of(found["TMALL_ORDERS"])
    refunds = refunds_of(found["TMALL_REFUNDS"])
    run_end = common.coverage_runs([e.window for e in found["ALIPAY_LEDGER"] if e.window])
    run_end = pd.Series({pd.Timestamp(d): pd.Timestamp(e) for d, e in run_end.items()}, dtype="datetime64[ns]")

    anomalies, days = reconcile(lines, orders, refunds, config, run_end)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    anomalies.to_json(out / "anomalies.jsonl", orient="records", lines=True, force_ascii=False)
    days.to_json(out / "days.jsonl", orient="records", lines=True, force_ascii=False)
    rows = len(lines) + len(orders) + len(refunds)
    print(f"pandas: {rows} records after merging, {len(anomalies)} anomalies, {len(days)} days")


if __name__ == "__main__":
    main()
