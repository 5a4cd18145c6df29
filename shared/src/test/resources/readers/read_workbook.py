"""Reads a workbook as other programs do and prints, as JSON, what each saw of every sheet: openpyxl in
read-only mode (which trusts the size a sheet declares), openpyxl loading it whole, and pandas. For the sheet
named by the second argument it also prints the column B texts that openpyxl read-only read.
Usage: python read_workbook.py FILE SHEET. ReportWorkbookReadersIT compares it with Apache POI."""
import json
import sys
import warnings

import openpyxl
import pandas

# what openpyxl only warns about (no default cell style, say) fails the test
warnings.filterwarnings("error", category=UserWarning, module="openpyxl")

path, listed = sys.argv[1], sys.argv[2]
sheets = {}

read_only = openpyxl.load_workbook(path, read_only=True)
for sheet in read_only.worksheets:
    rows = list(sheet.iter_rows(values_only=True))
    sheets[sheet.title] = {
        "readOnly": {"maxRow": sheet.max_row, "maxColumn": sheet.max_column, "rows": len(rows)},
    }
    if sheet.title == listed:
        sheets[sheet.title]["columnB"] = [row[1] for row in rows[1:]]
read_only.close()

whole = openpyxl.load_workbook(path)
for sheet in whole.worksheets:
    sheets[sheet.title]["whole"] = {"maxRow": sheet.max_row, "maxColumn": sheet.max_column,
                                     "bold": bool(sheet["A1"].font.b)}

for name, frame in pandas.read_excel(path, sheet_name=None, header=None, dtype=str).items():
    sheets[name]["pandas"] = {"rows": frame.shape[0], "columns": frame.shape[1]}

print(json.dumps(sheets, ensure_ascii=False))
