package recon.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import recon.testdata.ProjectPython;

/**
 * The month's report workbook read by the programs accountants and their tools use: openpyxl in read-only
 * mode (which trusts each sheet's declared size: with the size declared as A1 it saw one row of every
 * list), openpyxl loading it whole, and pandas (shared/src/test/resources/readers/read_workbook.py), each
 * seeing every sheet as Apache POI does.
 */
class ReportWorkbookReadersIT {
    private final GeneratedReports reports = GeneratedReports.get();

    @Test
    void openpyxlAndPandasSeeEveryRowAndColumnOfEverySheet() throws IOException, InterruptedException {
        // given the month's workbook, as POI reads it
        Path workbook = reports.folder("2026-11").resolve("report.xlsx");
        List<Size> sizes = new ArrayList<>();
        List<String> lineIds = new ArrayList<>();
        try (XSSFWorkbook read = new XSSFWorkbook(Files.newInputStream(workbook))) {
            for (Sheet sheet : read) {
                int columns = 0;
                for (Row row : sheet) {
                    columns = Math.max(columns, row.getLastCellNum());
                }
                sizes.add(new Size(sheet.getSheetName(), sheet.getLastRowNum() + 1, columns));
            }
            Sheet ledger = read.getSheet(ReportWorkbook.LEDGER);
            for (int r = 1; r <= ledger.getLastRowNum(); r++) {
                lineIds.add(ledger.getRow(r).getCell(1).getStringCellValue());
            }
        }

        // when the Python readers read it
        Path python = ProjectPython.withPackages("tools/requirements-writers.txt");
        JsonNode seen = new ObjectMapper().readTree(ProjectPython.run(List.of(python.toString(),
                ProjectPython.script("readers/read_workbook.py").toString(), workbook.toString(), ReportWorkbook.LEDGER)));

        // then each sees every sheet whole
        assertThat(seen.size()).isEqualTo(sizes.size());
        for (Size size : sizes) {
            JsonNode sheet = seen.get(size.name());
            assertThat(sheet).as(size.name()).isNotNull();
            assertThat(sheet.at("/readOnly/maxRow").asInt()).as(size.name() + " read-only rows").isEqualTo(size.rows());
            assertThat(sheet.at("/readOnly/maxColumn").asInt()).as(size.name() + " read-only columns").isEqualTo(size.columns());
            assertThat(sheet.at("/readOnly/rows").asInt()).as(size.name() + " read-only rows read").isEqualTo(size.rows());
            assertThat(sheet.at("/whole/maxRow").asInt()).as(size.name() + " rows").isEqualTo(size.rows());
            assertThat(sheet.at("/whole/maxColumn").asInt()).as(size.name() + " columns").isEqualTo(size.columns());
            assertThat(sheet.at("/whole/bold").asBoolean()).as(size.name() + " bold first row").isTrue();
            assertThat(sheet.at("/pandas/rows").asInt()).as(size.name() + " pandas rows").isEqualTo(size.rows());
            assertThat(sheet.at("/pandas/columns").asInt()).as(size.name() + " pandas columns").isEqualTo(size.columns());
        }
        // and the ledger's line ids are the same text
        List<String> read = new ArrayList<>();
        seen.get(ReportWorkbook.LEDGER).get("columnB").forEach(id -> read.add(id.asText()));
        assertThat(read).hasSizeGreaterThan(200).isEqualTo(lineIds);
    }

    private record Size(String name, int rows, int columns) {}
}
