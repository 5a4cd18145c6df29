"""How many orders are open at once in a store's exports: an order is open from its first record (created,
paid) to its last (confirmed, a ledger line or a refund of it). Bounding the engine's memory by its open
orders (docs/benchmarks.md, "Memory") would hold at most the peak of this, against every order held today.
Reads the store's exports that ./recon bench --dir DIR leaves in DIR/samples/t1/s1, with the DuckDB peer's tables.

    .venv/bin/python tools/bench/python/open_orders.py --input DIR/samples/t1/s1 --config DIR/samples/t1/s1/config.json
"""
import argparse

import duckdb

import common
import peer_duckdb


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="folder of the store's UTF-8 CSV exports")
    parser.add_argument("--config", help="the store's config.json")
    args = parser.parse_args()
    found = common.exports(args.input)
    con = duckdb.connect()
    peer_duckdb.load(con, "raw_ledger", found["ALIPAY_LEDGER"])
    peer_duckdb.load(con, "raw_orders", found["TMALL_ORDERS"])
    peer_duckdb.load(con, "raw_refunds", found["TMALL_REFUNDS"])
    run_end = common.coverage_runs([e.window for e in found["ALIPAY_LEDGER"] if e.window])
    peer_duckdb.reconcile(con, common.Config(args.config), run_end)
    con.execute("""
        CREATE TABLE spans AS
        SELECT orderId, min(t) AS opened, max(t) AS closed FROM (
            SELECT orderId, createdAt AS t FROM orders
            UNION ALL SELECT orderId, coalesce(confirmedAt, dayTime) FROM orders
            UNION ALL SELECT orderId, occurredAt FROM lines WHERE orderId IS NOT NULL
            UNION ALL SELECT orderId, dayTime FROM refunds)
        WHERE t IS NOT NULL GROUP BY orderId""")
    total = con.execute("SELECT count(*) FROM spans").fetchone()[0]
    # an order closing at the second another opens is counted open with it
    peak = con.execute("""
        SELECT max(open) FROM (SELECT sum(step) OVER (ORDER BY t, step DESC ROWS UNBOUNDED PRECEDING) AS open
                               FROM (SELECT opened AS t, 1 AS step FROM spans
                                     UNION ALL SELECT closed, -1 FROM spans))""").fetchone()[0]
    p50, p90, p99, longest = con.execute("""
        SELECT quantile_cont(days, 0.5), quantile_cont(days, 0.9), quantile_cont(days, 0.99), max(days)
        FROM (SELECT date_diff('second', opened, closed) / 86400.0 AS days FROM spans)""").fetchone()
    print(f"order ids {total:,}; open at once at most {peak:,} ({100.0 * peak / total:.0f} %); "
          f"days open: median {p50:.1f}, 90th percentile {p90:.1f}, 99th {p99:.1f}, longest {longest:.1f}")


if __name__ == "__main__":
    main()
