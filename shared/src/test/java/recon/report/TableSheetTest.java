package recon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import recon.report.TableSheet.Column;

class TableSheetTest {
    @Test
    void aListLongerThanASheetGoesOnInNumberedSheetsEachWithItsHeader() throws IOException {
        // given sheets of at most 10 rows (the header and 9 lines), as Excel's limit is 1,048,576
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        TableSheet sheet = new TableSheet(workbook, "结算明细", 10, new Column("账务流水号", 20), new Column("收入（元）", 12));

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
}
