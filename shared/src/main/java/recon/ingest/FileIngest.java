package recon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.RecordSink;

/**
 * Reads uploaded exports — Tmall order, item and refund reports and the Alipay account log, as CSV
 * (UTF-8 or GBK/GB18030) or XLSX, alone or in a ZIP — and hands their normalized records to the
 * listener's sink, streaming. A file that cannot be trusted is rejected whole, with the line and a
 * reason an accountant understands; bad input never throws.
 */
public final class FileIngest {
    static final int MAX_ZIP_ENTRIES = 1000;
    static final long MAX_ZIP_BYTES = 2L * 1024 * 1024 * 1024;
    static final long MAX_XLSX_BYTES = 200L * 1024 * 1024;
    private static final String CORRUPT = "文件已损坏或不完整";
    static final String CORRUPT_XLSX = "XLSX 文件已损坏或不完整";
    /** The sheet of a report workbook that carries the accountant's resolutions (docs/contracts.md, "Resolutions file"). */
    public static final String RESOLUTIONS_SHEET = "异常";
    private static final String CORRUPT_ZIP = "ZIP 文件已损坏或不完整";

    public FileIngest() {}

    /** Opens the uploaded file; may be called more than once (a file, an S3 object). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * Reads one uploaded file; a ZIP yields one file per member (named like {@code bundle.zip/明细.csv}).
     * For each file the listener gets {@code start}, the records, then {@code finish} with the outcome.
     * An Alipay summary (账务汇总) inside a ZIP is not a file of interest and is skipped silently.
     *
     * @throws UncheckedIOException only when the source itself cannot be opened or read
     */
    public void read(String fileName, Opener opener, IngestListener listener) {
        InputStream source;
        try {
            source = opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + fileName, e);
        }
        try (InputStream in = new SourceStream(source)) {
            switch (FileNames.of(fileName)) {
                // given alone, clutter is still listed: an upload is never met by silence
                case IGNORE -> skip(listener, fileName, "操作系统生成的文件，不是导出文件，未读取");
                case SKIP -> skip(listener, fileName, FileNames.skipReason(fileName));
                case REFUSE -> reject(listener, fileName, new Rejection(0, FileNames.refusal(fileName)));
                case READ -> readFile(fileName, in, listener, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + fileName, e);
        }
    }

    private void readFile(String name, InputStream in, IngestListener listener, boolean inBundle) {
        Head head;
        try {
            head = Head.read(in);
        } catch (IOException e) {
            reject(listener, name, unreadable(e));
            return;
        }
        switch (head.format()) {
            case EMPTY -> reject(listener, name, new Rejection(0, "文件为空"));
            case OLD_EXCEL -> reject(listener, name,
                    new Rejection(0, "旧版 Excel（.xls）文件无法读取，请另存为 .xlsx 或 .csv 后上传"));
            case BINARY -> reject(listener, name, new Rejection(0, "不是 CSV 或 XLSX 文件，无法读取"));
            case ZIP -> {
                if (inBundle) {
                    reject(listener, name, new Rejection(0, "压缩包里的压缩包无法读取，请解压后上传"));
                } else {
                    readBundle(name, head.withRest(in), listener);
                }
            }
            case XLSX -> readXlsx(name, head.withRest(in), listener);
            case TEXT -> {
                if (!(inBundle && head.isLedgerSummary())) {
                    readCsv(name, head, in, listener);
                }
            }
        }
    }

    private void readCsv(String name, Head head, InputStream rest, IngestListener listener) {
        TableIngest table = new TableIngest(name, listener.start(name));
        FileOutcome outcome;
        try {
            // not closed here: a ZIP member's stream belongs to the ZIP, the source to read()
            var reader = new StrictDecodingReader(head.textWithRest(rest), head.charset());
            long rows = table.read(new CsvTable(reader));
            outcome = FileOutcome.accepted(name, table.kind(), rows, table.account());
        } catch (Rejection r) {
            outcome = rejected(name, table.kind(), r);
        }
        listener.finish(outcome);
    }

    private void readXlsx(String name, InputStream in, IngestListener listener) {
        RecordSink sink = listener.start(name);
        FileOutcome outcome;
        Path copy = null;
        try {
            // a package's parts are read in the order the workbook needs them: a bounded copy on disk
            copy = Files.createTempFile("recon-ingest-", ".xlsx");
            copyAtMost(in, copy, MAX_XLSX_BYTES);
            outcome = readWorkbook(copy, name, sink);
        } catch (Rejection r) {
            outcome = rejected(name, FileKind.UNKNOWN, r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use a temporary file", e);
        } finally {
            deleteQuietly(copy);
        }
        listener.finish(outcome);
    }

    /**
     * Reads the workbook's export: the first sheet with an export's header, so that a cover sheet before
     * the table (说明, 封面) is passed over; a report workbook sent back is read from its 异常 sheet (its
     * resolutions) alone, never as the orders or ledger lines its other sheets list. No sheet with a
     * header: the first sheet's reason.
     *
     * @throws Rejection for a package no sheet of which can be opened
     */
    private static FileOutcome readWorkbook(Path file, String name, RecordSink sink) {
        try (XlsxPackage workbook = XlsxPackage.open(file)) {
            List<XlsxPackage.Sheet> sheets = workbook.sheet(RESOLUTIONS_SHEET).map(List::of).orElse(workbook.sheets());
            FileOutcome firstRefusal = null;
            for (XlsxPackage.Sheet sheet : sheets) {
                TableIngest table = new TableIngest(name, sink);
                try {
                    long read = table.read(workbook.table(sheet));
                    return FileOutcome.accepted(name, table.kind(), read, table.account());
                } catch (Rejection r) {
                    FileOutcome refused = rejected(name, table.kind(), r);
                    if (!r.noTable) {
                        return refused;
                    }
                    firstRefusal = firstRefusal == null ? refused : firstRefusal;
                }
            }
            if (firstRefusal == null) {
                throw new Rejection(0, CORRUPT_XLSX);
            }
            return firstRefusal;
        }
    }

    /** Copies {@code in} to {@code file}; a read failure is the file's fault, a write failure is not. */
    private static void copyAtMost(InputStream in, Path file, long limit) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw unreadable(e, CORRUPT_XLSX);
                }
                if (n < 0) {
                    return;
                }
                total += n;
                if (total > limit) {
                    throw new Rejection(0, "XLSX 文件超过 " + (limit >> 20) + " MB，无法读取");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /**
     * Each member of a ZIP bundle as a file of its own. Member names may be GBK without the UTF-8 flag
     * (archivers on Chinese Windows); the flag, when set, still means UTF-8.
     */
    private void readBundle(String zipName, InputStream in, IngestListener listener) {
        ZipInputStream zip = new ZipInputStream(in, Head.GB18030);
        var members = new BoundedStream(zip, MAX_ZIP_BYTES,
                "ZIP 包解压后超过 " + (MAX_ZIP_BYTES >> 30) + " GB，未读取其余内容");
        int entries = 0;
        int files = 0;
        int exports = 0;
        Set<String> names = new HashSet<>();
        try {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    reject(listener, zipName,
                            new Rejection(0, "ZIP 包内超过 " + MAX_ZIP_ENTRIES + " 个文件，未读取其余文件"));
                    return;
                }
                FileNames.Verdict verdict = FileNames.of(entry.getName());
                if (entry.isDirectory() || verdict == FileNames.Verdict.IGNORE) {
                    continue;
                }
                // a file's records are kept under its name: a second file of that name would mix with the first
                if (!names.add(entry.getName())) {
                    reject(listener, zipName,
                            new Rejection(0, "ZIP 包内有两个名为 " + entry.getName() + " 的文件，未读取第二个及其后的文件"));
                    return;
                }
                files++;
                String member = zipName + "/" + entry.getName();
                switch (verdict) {
                    case SKIP -> skip(listener, member, FileNames.skipReason(entry.getName()));
                    case REFUSE -> reject(listener, member, new Rejection(0, FileNames.refusal(entry.getName())));
                    default -> readFile(member, members, listener, true);
                }
                if (verdict != FileNames.Verdict.SKIP) {
                    exports++;
                }
                // what a rejected member left unread still counts against the limit
                members.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            reject(listener, zipName, unreadable(e, CORRUPT_ZIP));
            return;
        }
        if (files == 0) {
            reject(listener, zipName, new Rejection(0, "ZIP 包中没有文件，或文件已损坏"));
        } else if (exports == 0) {
            // a damaged XLSX looks like a ZIP of .xml files: never passed over in silence
            reject(listener, zipName, new Rejection(0, "ZIP 包中没有导出文件（CSV 或 XLSX），或文件已损坏"));
        }
    }

    /** Why a stream could not be read on, as a rejection. */
    static Rejection unreadable(Throwable cause) {
        return unreadable(cause, CORRUPT);
    }

    private static Rejection unreadable(Throwable cause, String corrupt) {
        if (cause instanceof StrictDecodingReader.UndecodableException e) {
            return new Rejection(e.line, "文件编码无法识别");
        }
        if (cause instanceof CsvShapeReader.BadShape e) {
            return new Rejection(e.line, e.getMessage());
        }
        if (cause instanceof BoundedStream.LimitExceeded e) {
            return new Rejection(0, e.getMessage());
        }
        return new Rejection(0, corrupt);
    }

    private static void skip(IngestListener listener, String name, String reason) {
        listener.start(name);
        listener.finish(FileOutcome.skipped(name, reason));
    }

    private static void reject(IngestListener listener, String name, Rejection rejection) {
        listener.start(name);
        listener.finish(rejected(name, FileKind.UNKNOWN, rejection));
    }

    private static FileOutcome rejected(String name, FileKind kind, Rejection rejection) {
        int line = (int) Math.min(rejection.line, Integer.MAX_VALUE);
        return FileOutcome.rejected(name, kind, line, rejection.reason);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
