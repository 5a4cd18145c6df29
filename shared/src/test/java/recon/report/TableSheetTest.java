package recon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import recon.report.TableSheet.Column;

class TableSheetTest {
    @Test
    void aListLongerThanASheetGoesOnInNumberedSheetsEachWithItsHeader() throws IOException {
        // given sheets of at most 10 rows (the header and 9 lines), as Excel's limit is 1,048,576
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter workbook = new WorkbookWriter(out);
        TableSheet sheet = new TableSheet(workbook, "结算明细", 20, 10, new Column("账务流水号", 20), new Column("收入（元）", 12));

        // when 20 lines are written
        for (int i = 1; i <= 20; i++) {
            sheet.text(0, "L" + i);
            sheet.money(1, i * 100L);
            sheet.endRow();
        }
        sheet.finish();
        workbook.finish();

        // then they fill 结算明细 and 结算明细 (2) and end in 结算明细 (3)
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(read.getNumberOfSheets()).isEqualTo(3);
            int line = 1;
            for (int s = 0; s < 3; s++) {
                Sheet part = read.getSheetAt(s);
                assertThat(part.getSheetName()).isEqualTo(s == 0 ? "结算明细" : "结算明细 (" + (s + 1) + ")");
                assertThat(part.getRow(0).getCell(0).getStringCellValue()).isEqualTo("账务流水号");
                assertThat(part.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(((XSSFSheet) part).getCTWorksheet().isSetAutoFilter()).isTrue();
                for (int r = 1; r <= part.getLastRowNum(); r++) {
                    assertThat(part.getRow(r).getCell(0).getStringCellValue()).isEqualTo("L" + line);
                    assertThat(part.getRow(r).getCell(1).getNumericCellValue()).isEqualTo(line);
                    line++;
                }
            }
            assertThat(line - 1).isEqualTo(20);
        }
    }

    @Test
    void aListThatExactlyFillsASheetStartsNoEmptyNextSheet() throws IOException {
        // given sheets of at most 10 rows (the header and 9 lines)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter workbook = new WorkbookWriter(out);
        TableSheet sheet = new TableSheet(workbook, "结算明细", 9, 10, new Column("账务流水号", 20), new Column("收入（元）", 12));

        // when exactly 9 lines are written
        for (int i = 1; i <= 9; i++) {
            sheet.text(0, "L" + i);
            sheet.money(1, i * 100L);
            sheet.endRow();
        }
        sheet.finish();
        workbook.finish();

        // then there is one sheet, holding all 9 as money
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(read.getNumberOfSheets()).isEqualTo(1);
            Sheet only = read.getSheetAt(0);
            assertThat(only.getLastRowNum()).isEqualTo(9);
            assertThat(only.getRow(9).getCell(0).getStringCellValue()).isEqualTo("L9");
            assertThat(only.getRow(9).getCell(1).getCellStyle().getDataFormatString()).isEqualTo(CellStyle.MONEY.numberFormat);
        }
    }

    @Test
    void everyCellKeepsItsOwnFormatAcrossFlushesAndGaps() throws IOException {
        // given a list of 2,500 lines, more than are held before a flush
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter workbook = new WorkbookWriter(out);
        TableSheet sheet = new TableSheet(workbook, "费用", 2_500,
                new Column("金额（元）", 12), new Column("费率", 10), new Column("日期", 12));

        // when amounts are left out on every third line, and rate and day alternate in the last column
        for (int i = 1; i <= 2_500; i++) {
            sheet.money(0, i % 3 == 0 ? null : Long.valueOf(i));
            sheet.rate(1, new BigDecimal("0.0500"));
            if (i % 2 == 0) {
                sheet.day(2, LocalDate.of(2026, 11, 2));
            } else {
                sheet.rate(2, new BigDecimal("0.0100"));
            }
            sheet.endRow();
        }
        sheet.finish();
        workbook.finish();

        // then each cell has the format of what it holds, and a left-out amount is an empty cell
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet list = read.getSheetAt(0);
            assertThat(list.getLastRowNum()).isEqualTo(2_500);
            for (int i = 1; i <= 2_500; i++) {
                Row row = list.getRow(i);
                if (i % 3 == 0) {
                    assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.BLANK);
                } else {
                    assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i / 100.0);
                    assertThat(row.getCell(0).getCellStyle().getDataFormatString()).isEqualTo(CellStyle.MONEY.numberFormat);
                }
                assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo(CellStyle.RATE.numberFormat);
                assertThat(row.getCell(2).getCellStyle().getDataFormatString())
                        .isEqualTo(i % 2 == 0 ? CellStyle.DAY.numberFormat : CellStyle.RATE.numberFormat);
            }
        }
    }
}
