"""Writes the same three Tmall orders as XLSX with writers the project did not write (openpyxl, XlsxWriter),
each exercising what they do differently: shared or inline strings, datetime cells in the 1900 or the 1904
date system, formulas with cached values, a cover sheet before the table, a merged title row above it.
Usage: python write_workbooks.py OUT_DIR. ForeignXlsxWritersIT reads every file and checks each order."""
import datetime
import sys
from pathlib import Path

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
import xlsxwriter

HEADER = ["订单编号", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间"]
ORDERS = [
    ("3553498017448001", 99.5, "交易成功", datetime.datetime(2026, 11, 2, 10, 11, 12), datetime.datetime(2026, 11, 2, 10, 12, 0)),
    ("3553498017448002", 1399.0, "交易关闭", datetime.datetime(2026, 11, 3, 8, 0, 0), datetime.datetime(2026, 11, 3, 8, 0, 30)),
    ("3553498017448003", 19.9, "卖家已发货，等待买家确认", datetime.datetime(2026, 11, 4, 23, 59, 59), datetime.datetime(2026, 11, 5, 0, 0, 1)),
]
TIME = "yyyy-mm-dd hh:mm:ss"


def openpyxl_book(path, epoch=None, cover=False, title=False):
    book = openpyxl.Workbook()
    if epoch is not None:
        book.epoch = epoch
    sheet = book.active
    if cover:
        sheet.title = "说明"
        sheet["A1"] = "本文件由店铺后台导出，订单在下一个工作表"
        sheet = book.create_sheet("订单")
    if title:
        sheet.append(["天猫订单报表"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    for order in ORDERS:
        sheet.append(list(order))
        for cell in sheet[sheet.max_row][3:5]:
            cell.number_format = TIME
    book.save(path)


def xlsxwriter_book(path, constant_memory=False, formulas=False):
    book = xlsxwriter.Workbook(str(path), {"constant_memory": constant_memory, "strings_to_numbers": False})
    sheet = book.add_worksheet("订单")
    time = book.add_format({"num_format": TIME})
    sheet.write_row(0, 0, HEADER)
    for r, (order_id, paid, status, created, paid_at) in enumerate(ORDERS, start=1):
        sheet.write_string(r, 0, order_id)
        if formulas:
            # the cached value is what a reader that does not calculate sees, as Excel saves it
            sheet.write_formula(r, 1, "=%r*1" % paid, None, paid)
        else:
            sheet.write_number(r, 1, paid)
        sheet.write_string(r, 2, status)
        sheet.write_datetime(r, 3, created, time)
        sheet.write_datetime(r, 4, paid_at, time)
    book.close()


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    openpyxl_book(out / "openpyxl.xlsx")
    openpyxl_book(out / "openpyxl-1904.xlsx", epoch=CALENDAR_MAC_1904)
    openpyxl_book(out / "openpyxl-cover-sheet.xlsx", cover=True)
    openpyxl_book(out / "openpyxl-merged-title.xlsx", title=True)
    xlsxwriter_book(out / "xlsxwriter.xlsx")
    xlsxwriter_book(out / "xlsxwriter-constant-memory.xlsx", constant_memory=True)
    xlsxwriter_book(out / "xlsxwriter-formulas.xlsx", formulas=True)


if __name__ == "__main__":
    main()
