"""What both bench peers share: finding the exports and their kinds, the ledger's covered days, the store
config, and the command line. The rules themselves are in peer_pandas.py and peer_duckdb.py.

Input: the folder of one store's exports as the seller sends them (GBK or UTF-8 CSV, ZIP of CSV, XLSX) and
the store's config.json. Before anything else, and inside the peer's timed run, each is turned into a UTF-8
CSV in a temporary folder (readable_copies): GBK decoded in Python, ZIP members extracted, XLSX read with
python-calamine. The Alipay ledger keeps its '#' preamble and trailer lines: the preamble's 起始日期/终止日期
window is the file's coverage, as in the engine.
"""
import argparse
import atexit
import csv
import json
import re
import shutil
import tempfile
import zipfile
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from python_calamine import CalamineWorkbook

# Canonical column -> header names (after header_name()), per kind of export; as in docs/domain.md.
COLUMNS = {
    "ALIPAY_LEDGER": {
        "lineId": ["账务流水号"],
        "occurredAt": ["发生时间"],
        "income": ["收入金额", "收入金额(+元)", "收入金额(元)"],
        "expense": ["支出金额", "支出金额(-元)", "支出金额(元)"],
        "merchantOrderNo": ["商户订单号"],
        "businessType": ["业务类型"],
        "memo": ["备注"],
        "description": ["业务描述"],
        "baseOrderNo": ["业务基础订单号"],
    },
    "TMALL_ORDERS": {
        "orderId": ["订单编号", "主订单编号", "订单号"],
        "paid": ["买家实际支付金额", "实付金额", "买家实付金额"],
        "status": ["订单状态"],
        "createdAt": ["订单创建时间"],
        "paidAt": ["订单付款时间"],
        "confirmedAt": ["确认收货时间"],
        "category": ["类目"],
    },
    "TMALL_REFUNDS": {
        "orderId": ["订单编号"],
        "refundId": ["退款编号"],
        "refundAmount": ["退款金额", "买家退款金额"],
        "status": ["退款状态"],
        "appliedAt": ["退款的申请时间", "申请时间"],
        "completedAt": ["退款完结时间", "完结时间"],
        "stage": ["售中或售后"],
    },
}

# 订单状态 -> (status, rank along the order's life); of two reports of one order the higher wins.
ORDER_STATUS = {
    "等待买家付款": ("AWAITING_PAYMENT", 0),
    "买家已付款，等待卖家发货": ("AWAITING_SHIPMENT", 1),
    "买家已付款,等待卖家发货": ("AWAITING_SHIPMENT", 1),
    "等待卖家发货": ("AWAITING_SHIPMENT", 1),
    "卖家已发货，等待买家确认": ("SHIPPED", 2),
    "卖家已发货,等待买家确认": ("SHIPPED", 2),
    "交易成功": ("SUCCESS", 3),
    "交易关闭": ("CLOSED", 4),  # both final; the engine lets 交易关闭 win a tie with 交易成功
}

RATE_SCALE = 1_000_000  # rates as integer millionths, so fees stay exact integer arithmetic


def header_name(raw):
    """A header as the engine compares it: no BOM or blanks, half-width parentheses and colons."""
    name = raw.replace("（", "(").replace("）", ")").replace("：", ":")
    return re.sub(r"[\s\ufeff\u3000]", "", name)


class Export:
    """One CSV export: its kind, how many '#' lines precede the header, raw header -> canonical column."""

    def __init__(self, path, kind, preamble_lines, columns, window):
        self.path = path
        self.kind = kind
        self.preamble_lines = preamble_lines
        self.columns = columns
        self.window = window


def readable_copies(folder):
    """Every export of the folder as a UTF-8 CSV in a temporary folder (removed at exit); its path."""
    target = Path(tempfile.mkdtemp(prefix="peer-exports-"))
    atexit.register(shutil.rmtree, target, True)
    for path in sorted(Path(folder).iterdir()):
        suffix = path.suffix.lower()
        if suffix == ".csv":
            write_text(target / path.name, decoded(path.read_bytes()))
        elif suffix == ".zip":
            with zipfile.ZipFile(path) as bundle:
                for member in bundle.namelist():
                    if member.lower().endswith(".csv"):
                        write_text(target / f"{path.stem}-{Path(member).name}", decoded(bundle.read(member)))
        elif suffix == ".xlsx":
            write_xlsx_as_csv(path, target / (path.stem + ".csv"))
    return target


def decoded(data):
    """Text of an export: UTF-8 (a BOM dropped) when it decodes so, else GB18030 (a superset of GBK), as the engine."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text.replace("\r\n", "\n"))


def write_xlsx_as_csv(source, target):
    """The first sheet of a workbook, read with python-calamine, as the CSV the back office would export."""
    sheet = CalamineWorkbook.from_path(str(source)).get_sheet_by_index(0)
    with open(target, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        for row in sheet.to_python():
            out.writerow([cell_text(value) for value in row])


def cell_text(value):
    """A cell as the engine reads it: a date cell as a time (calamine gives a date for one at midnight)."""
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}"
    return "" if value is None else str(value)


def exports(folder):
    """The exports of the store's folder, by kind (read from their readable copies, up to each file's header)."""
    found = {kind: [] for kind in COLUMNS}
    for path in sorted(readable_copies(folder).glob("*.csv")):
        preamble = []
        with open(path, encoding="utf-8-sig") as f:
            for line in f:
                if not line.startswith("#"):
                    header = [h.strip().strip('"') for h in line.rstrip("\r\n").split(",")]
                    break
                preamble.append(line)
            else:
                continue
        names = [header_name(h) for h in header]
        kind = ("ALIPAY_LEDGER" if "账务流水号" in names
                else "TMALL_REFUNDS" if "退款编号" in names
                else "TMALL_ORDERS" if "订单状态" in names else None)
        if kind is None:
            continue
        columns = {}
        for canonical, aliases in COLUMNS[kind].items():
            for raw, name in zip(header, names):
                if name in aliases and canonical not in columns.values():
                    columns[raw] = canonical
        found[kind].append(Export(path, kind, len(preamble), columns, window(preamble)))
    return found


def window(preamble):
    """The days a ledger file covers completely, from #起始日期：[…] 终止日期：[…]; None without one."""
    for line in preamble:
        m = re.search(r"起始日期[:：]\[([^]]+)\].*终止日期[:：]\[([^]]+)\]", line)
        if m:
            start, end = (datetime.strptime(t.strip(), "%Y年%m月%d日 %H:%M:%S") for t in m.groups())
            first = start.date() if start.time() == datetime.min.time() else start.date() + timedelta(days=1)
            last = end.date() if (end.hour, end.minute, end.second) == (23, 59, 59) else end.date() - timedelta(days=1)
            return first, last
    return None


def coverage_runs(windows):
    """Every covered day -> the last day of the unbroken run of covered days it is in (days as dates)."""
    covered = set()
    for first, last in windows:
        d = first
        while d <= last:
            covered.add(d)
            d += timedelta(days=1)
    run_end = {}
    end = None
    for d in sorted(covered, reverse=True):
        if end is None or d + timedelta(days=1) not in covered:
            end = d
        run_end[d] = end
    return run_end


def fen_of(yuan):
    return int(Decimal(str(yuan)) * 100)


def rate_of(text):
    scaled = Decimal(str(text)) * RATE_SCALE
    if scaled != scaled.to_integral_value():
        raise ValueError(f"rate {text} has more than 6 decimals")
    return int(scaled)


class Config:
    """The store config (docs/contracts.md), with the same defaults."""

    def __init__(self, path):
        raw = json.loads(Path(path).read_text(encoding="utf-8")) if path else {}
        commission = raw.get("commission", {})
        self.tolerance_fen = fen_of(raw.get("toleranceYuan", "0.01"))
        self.grace_days = int(raw.get("graceDays", 3))
        self.auto_confirm_days = int(raw.get("autoConfirmDays", 20))
        self.default_rate = rate_of(commission.get("default", "0.02"))
        self.rate_by_category = {k: rate_of(v) for k, v in commission.get("byCategory", {}).items()}


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--input", required=True, help="folder of the store's exports, as the seller sends them")
    parser.add_argument("--config", help="the store's config.json")
    parser.add_argument("--out", required=True,
                        help="folder for anomalies.jsonl and days.jsonl")
    return parser.parse_args()

