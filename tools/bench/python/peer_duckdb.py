"""The reconciliation rules of the settlement, refund and commission checks, and the day totals, in DuckDB
SQL: the second peer `./recon bench` times against the engine. Set-based throughout; money in integer fen.
Writes OUT/anomalies.jsonl ({type, day, orderId, lineId, expected, actual}) and OUT/days.jsonl.

    python peer_duckdb.py --input FOLDER --config config.json --out OUT
"""
from pathlib import Path

import duckdb

import common

ID_COLUMNS = {"orderId", "refundId", "lineId"}


def quoted(text):
    return "'" + str(text).replace("'", "''") + "'"


def load(con, table, exports):
    """The exports of one kind as one table of text columns named canonically, cells trimmed of tabs and ="…"."""
    selects = []
    for export in exports:
        present = {canonical: raw for raw, canonical in export.columns.items()}
        columns = []
        for canonical in common.COLUMNS[export.kind]:
            if canonical not in present:
                columns.append(f"'' AS {canonical}")
                continue
            cell = f"""trim(coalesce("{present[canonical]}", ''), ' ' || chr(9))"""
            if canonical in ID_COLUMNS:
                cell = f"""rtrim(ltrim({cell}, '="'), '"')"""
            columns.append(f"{cell} AS {canonical}")
        selects.append(f"SELECT {', '.join(columns)} FROM read_csv({quoted(export.path)}, header = true, "
                       "all_varchar = true, comment = '#')")
    con.execute(f"CREATE TABLE {table} AS " + " UNION ALL ".join(selects))


def fen(column):
    """Yuan text ("1,234.50", "-3.2", "￥12", "") as integer fen: an exact decimal parse."""
    plain = f"replace(replace(replace({column}, ',', ''), '￥', ''), '¥', '')"
    return f"coalesce(CAST(CAST(nullif({plain}, '') AS DECIMAL(18, 2)) * 100 AS BIGINT), 0)"


def time(column):
    return f"strptime(nullif({column}, ''), '%Y-%m-%d %H:%M:%S')"


def half_up(numerator, denominator):
    """numerator / denominator rounded half away from zero (BigDecimal HALF_UP), in integers."""
    return f"(sign({numerator}) * ((abs({numerator}) * 2 + {denominator}) // (2 * {denominator})))"


def reconcile(con, config, run_end):
    tol = config.tolerance_fen
    con.execute("CREATE TABLE coverage (day DATE, runEnd DATE)")
    con.executemany("INSERT INTO coverage VALUES (?, ?)", list(run_end.items()))
    con.execute("CREATE TABLE rates (category VARCHAR, rate BIGINT)")
    con.executemany("INSERT INTO rates VALUES (?, ?)", list(config.rate_by_category.items()))

    # the line classes of docs/domain.md, most specific text first; the order id from 商户订单号, 业务基础订单号 or 备注
    con.execute(f"""
        CREATE TABLE lines AS
        WITH parsed AS (
            SELECT lineId, {time('occurredAt')} AS occurredAt, {fen('income')} AS income,
                   abs({fen('expense')}) AS expense, businessType AS kind,
                   businessType || chr(31) || memo || chr(31) || description AS said,
                   coalesce(nullif(regexp_extract(merchantOrderNo, '^T200P([0-9]+)', 1), ''),
                            CASE WHEN regexp_full_match(baseOrderNo, '[0-9]+') THEN baseOrderNo END,
                            nullif(regexp_extract(memo, '(?:^|[^0-9])([0-9]{{15,20}})(?:[^0-9]|$)', 1), ''))
                       AS orderId
            FROM raw_ledger)
        SELECT lineId, occurredAt, CAST(occurredAt AS DATE) AS day, income, expense, expense - income AS debit,
               orderId,
               CASE WHEN said LIKE '%保证金%' THEN 'DEPOSIT'
                    WHEN said LIKE '%提现%' THEN 'WITHDRAWAL'
                    WHEN regexp_matches(said, '直通车|万相台|阿里妈妈')
                         AND (regexp_matches(kind, '直通车|万相台|阿里妈妈') OR said LIKE '%充值%') THEN 'AD_TOPUP'
                    WHEN regexp_matches(said, '天猫佣金|技术服务费|软件服务费') THEN 'COMMISSION'
                    WHEN said LIKE '%淘宝客%' THEN 'AFFILIATE_FEE'
                    WHEN said LIKE '%支付服务费%' THEN 'PAYMENT_FEE'
                    WHEN said LIKE '%积分%' THEN 'POINTS'
                    WHEN kind LIKE '%交易退款%' THEN 'REFUND'
                    WHEN regexp_matches(kind, '交易付款|在线支付|交易收款') AND income > 0 THEN 'SETTLEMENT'
                    ELSE 'OTHER' END AS cls
        FROM parsed
        -- overlapping exports hold the same line (账务流水号) twice
        QUALIFY row_number() OVER (PARTITION BY lineId ORDER BY occurredAt, income, expense) = 1""")

    statuses = " ".join(f"WHEN {quoted(label)} THEN {quoted(status)}"
                        for label, (status, _) in common.ORDER_STATUS.items())
    ranks = " ".join(f"WHEN {quoted(label)} THEN {rank}" for label, (_, rank) in common.ORDER_STATUS.items())
    # the same order in several reports: the most advanced status wins, then later times
    con.execute(f"""
        CREATE TABLE orders AS
        SELECT *, coalesce(paidAt, createdAt) AS dayTime FROM (
            SELECT orderId, {fen('paid')} AS paid, CASE status {statuses} END AS status,
                   CASE status {ranks} END AS rank, {time('createdAt')} AS createdAt,
                   {time('paidAt')} AS paidAt, {time('confirmedAt')} AS confirmedAt, category
            FROM raw_orders)
        QUALIFY row_number() OVER (PARTITION BY orderId ORDER BY rank DESC, confirmedAt DESC NULLS LAST,
            paidAt DESC NULLS LAST, createdAt DESC NULLS LAST, paid DESC, category DESC) = 1""")
    con.execute(f"""
        CREATE TABLE refunds AS
        SELECT *, coalesce(completedAt, appliedAt) AS dayTime FROM (
            SELECT refundId, orderId, {fen('refundAmount')} AS refundFen,
                   CASE status WHEN '退款成功' THEN 'SUCCESS' WHEN '退款关闭' THEN 'CLOSED' ELSE 'PENDING' END
                       AS status,
                   CASE status WHEN '退款成功' THEN 2 WHEN '退款关闭' THEN 1 ELSE 0 END AS rank,
                   {time('appliedAt')} AS appliedAt, {time('completedAt')} AS completedAt,
                   stage LIKE '%售后%' AS declaredAfterSale
            FROM raw_refunds)
        QUALIFY row_number() OVER (PARTITION BY refundId ORDER BY rank DESC, completedAt DESC NULLS LAST,
            appliedAt DESC NULLS LAST, refundFen DESC, declaredAfterSale DESC) = 1""")

    con.execute("""
        CREATE TABLE settled AS
        SELECT orderId, min(occurredAt) AS firstAt, count(*) AS lineCount, sum(income) AS settled,
               last(lineId ORDER BY occurredAt, lineId) AS lastLine, max(day) AS lastDay
        FROM lines WHERE cls = 'SETTLEMENT' AND orderId IS NOT NULL GROUP BY orderId""")
    # 售后 when the report says so or it completed at/after the first settlement; 售中 ones shrink the settlement
    con.execute("""
        CREATE TABLE successful AS
        SELECT r.*, r.declaredAfterSale OR coalesce(r.dayTime >= s.firstAt, false) AS afterSale
        FROM refunds r LEFT JOIN settled s USING (orderId) WHERE r.status = 'SUCCESS'""")
    con.execute("""
        CREATE TABLE success AS
        SELECT o.orderId, o.confirmedAt, o.dayTime, s.lineCount, s.lastLine, s.lastDay,
               o.paid - coalesce(p.preSettlement, 0) AS expected, coalesce(s.settled, 0) AS actual
        FROM orders o LEFT JOIN settled s USING (orderId)
        LEFT JOIN (SELECT orderId, sum(refundFen) AS preSettlement FROM successful WHERE NOT afterSale
                   GROUP BY orderId) p USING (orderId)
        WHERE o.status = 'SUCCESS'""")
    con.execute(f"""
        CREATE TABLE wrong AS SELECT *, actual - expected AS excess FROM success
        WHERE lineCount IS NOT NULL AND abs(expected - actual) > {tol}""")
    # the last line after the first whose income is the excess while another line has the same income
    con.execute(f"""
        CREATE TABLE duplicates AS
        SELECT l.orderId, last(l.lineId ORDER BY l.occurredAt, l.lineId) AS lineId,
               last(l.day ORDER BY l.occurredAt, l.lineId) AS day,
               last(l.income ORDER BY l.occurredAt, l.lineId) AS income
        FROM (SELECT *, row_number() OVER (PARTITION BY orderId ORDER BY occurredAt, lineId) AS position,
                     count(*) OVER (PARTITION BY orderId, income) AS sameIncome
              FROM lines WHERE cls = 'SETTLEMENT' AND orderId IN (SELECT orderId FROM wrong)) l
        JOIN wrong w USING (orderId)
        WHERE l.position >= 2 AND abs(l.income - w.excess) <= {tol} AND l.sameIncome >= 2
        GROUP BY l.orderId""")

    # after-sale refunds against REFUND lines: the k-th refund of an amount pairs with the k-th line of it
    con.execute("""
        CREATE TABLE afterSale AS
        SELECT *, row_number() OVER (PARTITION BY orderId, refundFen ORDER BY dayTime NULLS FIRST, refundId) AS k
        FROM successful WHERE afterSale""")
    con.execute("""
        CREATE TABLE refundLines AS
        SELECT lineId, orderId, day, occurredAt, debit AS amount,
               row_number() OVER (PARTITION BY orderId, debit ORDER BY occurredAt, lineId) AS k
        FROM lines WHERE cls = 'REFUND' AND orderId IS NOT NULL""")
    con.execute("""
        CREATE TABLE exact AS
        SELECT a.refundId, l.lineId FROM afterSale a
        JOIN refundLines l ON a.orderId = l.orderId AND a.refundFen = l.amount AND a.k = l.k""")
    con.execute("""
        CREATE TABLE openRefunds AS
        SELECT *, row_number() OVER (PARTITION BY orderId ORDER BY dayTime NULLS FIRST, refundId) AS n
        FROM afterSale WHERE refundId NOT IN (SELECT refundId FROM exact)""")
    con.execute("""
        CREATE TABLE openLines AS
        SELECT *, row_number() OVER (PARTITION BY orderId ORDER BY occurredAt, lineId) AS n
        FROM refundLines WHERE lineId NOT IN (SELECT lineId FROM exact)""")
    con.execute("""
        CREATE TABLE paired AS
        SELECT r.orderId, r.refundId, r.refundFen, l.lineId, l.day, l.amount
        FROM openRefunds r JOIN openLines l USING (orderId, n)""")

    commission_due = half_up("(s.settled - coalesce(d.income, 0)) * coalesce(r.rate, %d)" % config.default_rate,
                             common.RATE_SCALE)
    con.execute(f"""
        CREATE TABLE fees AS
        SELECT o.orderId, {commission_due} AS expected, coalesce(c.charged, 0) AS charged, c.feeLine,
               coalesce(c.feeDay, CAST(s.firstAt AS DATE)) AS day
        FROM orders o JOIN settled s USING (orderId)
        LEFT JOIN (SELECT orderId, sum(debit) AS charged, last(lineId ORDER BY occurredAt, lineId) AS feeLine,
                          max(day) AS feeDay
                   FROM lines WHERE cls = 'COMMISSION' AND orderId IS NOT NULL GROUP BY orderId) c USING (orderId)
        LEFT JOIN duplicates d USING (orderId)
        LEFT JOIN rates r ON r.category = o.category
        LEFT JOIN coverage cv ON cv.day = CAST(s.firstAt AS DATE)
        WHERE o.status <> 'CLOSED' AND (c.feeLine IS NOT NULL OR cv.runEnd >= CAST(s.firstAt AS DATE) + 1)""")

    con.execute(f"""
        CREATE TABLE anomalies AS
        SELECT 'MISSING_SETTLEMENT' AS type, m.due AS day, m.orderId, NULL AS lineId, m.expected, 0 AS actual
        FROM (SELECT *, coalesce(CAST(confirmedAt AS DATE),
                                 CAST(dayTime AS DATE) + {config.auto_confirm_days}) AS due
              FROM success WHERE lineCount IS NULL AND expected > 0) m
        JOIN coverage c ON c.day = m.due AND c.runEnd >= m.due + {config.grace_days}
        UNION ALL
        SELECT 'DUPLICATE_SETTLEMENT', d.day, w.orderId, d.lineId, w.expected, w.actual
        FROM wrong w JOIN duplicates d USING (orderId)
        UNION ALL
        SELECT 'AMOUNT_MISMATCH', w.lastDay, w.orderId, w.lastLine, w.expected, w.actual
        FROM wrong w ANTI JOIN duplicates d USING (orderId)
        UNION ALL
        SELECT CASE WHEN o.orderId IS NULL THEN 'UNMATCHED_SETTLEMENT' ELSE 'SETTLEMENT_ON_CLOSED_ORDER' END,
               l.day, l.orderId, l.lineId, 0, l.income
        FROM lines l LEFT JOIN orders o USING (orderId)
        WHERE l.cls = 'SETTLEMENT' AND (o.orderId IS NULL OR o.status = 'CLOSED')
        UNION ALL
        SELECT 'REFUND_AMOUNT_MISMATCH', day, orderId, lineId, refundFen, amount FROM paired
        UNION ALL
        SELECT 'REFUND_NOT_DEDUCTED', CAST(r.dayTime AS DATE), r.orderId, NULL, r.refundFen, 0
        FROM openRefunds r JOIN coverage c ON c.day = CAST(r.dayTime AS DATE) AND c.runEnd >= c.day + 1
        WHERE r.refundId NOT IN (SELECT refundId FROM paired)
        UNION ALL
        SELECT 'UNEXPLAINED_REFUND', day, orderId, lineId, 0, amount FROM openLines
        WHERE lineId NOT IN (SELECT lineId FROM paired)
        UNION ALL
        SELECT 'UNEXPLAINED_REFUND', day, orderId, lineId, 0, debit FROM lines
        WHERE cls = 'REFUND' AND orderId IS NULL
        UNION ALL
        SELECT 'FEE_MISMATCH', day, orderId, feeLine, expected, charged FROM fees
        WHERE abs(charged - expected) > greatest({tol}, {half_up('expected * 2', 100)})""")

    con.execute("""
        CREATE TABLE days AS
        SELECT day, count(*) FILTER (WHERE cls = 'SETTLEMENT') AS settledCount,
               coalesce(sum(income) FILTER (WHERE cls = 'SETTLEMENT'), 0) AS settledAmount,
               coalesce(sum(debit) FILTER (WHERE cls = 'REFUND'), 0) AS refundAmount,
               coalesce(sum(debit) FILTER (WHERE cls = 'COMMISSION'), 0) AS commissionAmount,
               coalesce(sum(debit) FILTER (WHERE cls IN ('AFFILIATE_FEE', 'PAYMENT_FEE', 'POINTS')), 0)
                   AS otherFeeAmount
        FROM lines GROUP BY day""")


def main():
    args = common.arguments(__doc__.splitlines()[0])
    config = common.Config(args.config)
    found = common.exports(args.input)
    con = duckdb.connect()
    load(con, "raw_ledger", found["ALIPAY_LEDGER"])
    load(con, "raw_orders", found["TMALL_ORDERS"])
    load(con, "raw_refunds", found["TMALL_REFUNDS"])
    run_end = common.coverage_runs([e.window for e in found["ALIPAY_LEDGER"] if e.window])
    reconcile(con, config, run_end)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    con.execute(f"""COPY (SELECT type, strftime(day, '%Y-%m-%d') AS day, orderId, lineId,
                                CAST(expected AS BIGINT) AS expected, CAST(actual AS BIGINT) AS actual
                         FROM anomalies ORDER BY ALL)
                    TO {quoted(out / 'anomalies.jsonl')} (FORMAT json)""")
    con.execute(f"""COPY (SELECT strftime(day, '%Y-%m-%d') AS day, settledCount, settledAmount, refundAmount,
                                commissionAmount, otherFeeAmount FROM days ORDER BY day)
                    TO {quoted(out / 'days.jsonl')} (FORMAT json)""")
    rows = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("lines", "orders", "refunds"))
    anomalies = con.execute("SELECT count(*) FROM anomalies").fetchone()[0]
    print(f"duckdb: {rows} records after merging, {anomalies} anomalies")


if __name__ == "__main__":
    main()
