package recon.usecase;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import recon.alert.AlertDispatch;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.Invoice;
import recon.domain.LedgerLine;
import recon.domain.Order;
import recon.domain.RecordSink;
import recon.domain.Refund;
import recon.domain.Resolution;
import recon.domain.Times;
import recon.ingest.FileIngest;
import recon.ingest.IngestListener;
import recon.port.Blobs;
import recon.port.CoveredDays;
import recon.port.DayRange;
import recon.port.FileEntry;
import recon.port.FileManifest;
import recon.port.MatchRequests;
import recon.port.RecordChunk;
import recon.port.RecordStore;
import recon.port.ResolutionStore;
import recon.port.ResultStore;
import recon.port.StoreDays;
import recon.port.StoreFiles;
import recon.port.StoreRef;
import recon.port.StoreRegistry;
import recon.port.UploadKey;
import recon.storage.RecordPacker;

/**
 * The parse stage: reads an uploaded export (docs/architecture.md, "The flow") and stores the records
 * of its accepted files, packed by day, then asks for the touched days to be matched.
 * <p>
 * Two passes over the object: the first only validates (a file can still be rejected at its last
 * line, and a rejected file must leave no record behind), the second packs the accepted files'
 * records. A file already processed is skipped, and every write has a key that follows from the
 * file, so a message delivered twice changes nothing.
 */
public final class ParseUpload {
    private static final System.Logger LOG = System.getLogger(ParseUpload.class.getName());
    private static final JSON PRETTY_JSON = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);
    /** Record chunks written per call: one DynamoDB batch. */
    static final int CHUNKS_PER_SAVE = 25;

    /**
     * An uploaded object.
     *
     * @param key the object key, URL-decoded
     * @param eTag the object's ETag: the same bytes again under the same key are the same file, even as a new version
     */
    public record Upload(String key, String eTag) {}

    private final Blobs blobs;
    private final FileManifest manifest;
    private final RecordStore records;
    private final ResolutionStore resolutions;
    private final ResultStore results;
    private final StoreRegistry stores;
    private final MatchRequests matches;
    private final AlertDispatch alerts;
    private final Clock clock;
    private final FileIngest ingest = new FileIngest();

    /**
     * @param results consulted for the anomaly ids a resolutions file names: it may name only the store's
     */
    public ParseUpload(StoreFiles files, ResultStore results, StoreRegistry stores, MatchRequests matches,
            AlertDispatch alerts, Clock clock) {
        this.blobs = files.blobs();
        this.manifest = files.manifest();
        this.records = files.records();
        this.resolutions = files.resolutions();
        this.results = results;
        this.stores = stores;
        this.matches = matches;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Parses a batch of uploads and asks for one match per store with all the days they touched.
     * A file is marked done once its records are stored, and only then is the match requested; a
     * file delivered again after that is not parsed again, but its rejection alert and its match
     * request are made again (both harmless to repeat), so a failure anywhere loses nothing.
     *
     * @return the uploads that failed and should be retried; a bad key or a rejected file is not a failure
     */
    public List<Upload> parseAll(List<Upload> uploads) {
        List<Upload> failed = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (Upload upload : uploads) {
            try {
                parse(upload, parsed).ifPresent(parsed::add);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot parse {1}", storeOf(upload), upload.key(), e);
                failed.add(upload);
            }
        }
        // done first, then the match request: a match that starts at once must find the file's records
        List<Parsed> finished = new ArrayList<>();
        for (Parsed p : parsed) {
            try {
                finish(p);
                finished.add(p);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot finish {1}", p.entry.store(), p.upload.key(), e);
                failed.add(p.upload);
            }
        }
        Map<StoreRef, NavigableSet<LocalDate>> touched = new LinkedHashMap<>();
        for (Parsed p : finished) {
            // a file without records (rejected, or empty) still changes the file list of every day's report
            NavigableSet<LocalDate> days = p.days.isEmpty() ? daysWithRecords(p.entry.store()) : p.days;
            if (!days.isEmpty()) {
                touched.computeIfAbsent(p.entry.store(), s -> new TreeSet<>()).addAll(days);
            }
        }
        try {
            if (!touched.isEmpty()) {
                matches.send(touched.entrySet().stream().map(e -> new StoreDays(e.getKey(), e.getValue())).toList());
            }
        } catch (RuntimeException e) {
            // the files are done: their redelivery asks for the match again
            LOG.log(System.Logger.Level.ERROR, "cannot request the match of {0}", touched.keySet(), e);
            finished.forEach(p -> failed.add(p.upload));
        }
        return failed;
    }

    /** The store an upload's key names, for the log; null for a key that names none. */
    private static StoreRef storeOf(Upload upload) {
        return UploadKey.parse(upload.key()).map(UploadKey::store).orElse(null);
    }

    /** The first and last day of the records of the store's processed files. */
    private NavigableSet<LocalDate> daysWithRecords(StoreRef store) {
        NavigableSet<LocalDate> days = new TreeSet<>();
        for (FileEntry file : manifest.files(store)) {
            if (file.status() == FileEntry.Status.DONE && file.recordDays() != null) {
                days.add(file.recordDays().first());
                days.add(file.recordDays().last());
            }
        }
        return days;
    }

    /** The id of one content of one object: the first 32 hex digits of SHA-256(key # ETag). */
    public static String fileId(String key, String eTag) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((key + "#" + (eTag == null ? "" : eTag)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** An upload parsed and stored (or found done already), with the days it touched. */
    private record Parsed(Upload upload, FileEntry entry, NavigableSet<LocalDate> days, boolean alreadyDone) {}

    /** @param earlier the uploads of this batch parsed before it (their files are not marked done yet) */
    private Optional<Parsed> parse(Upload upload, List<Parsed> earlier) {
        Optional<UploadKey> parsedKey = UploadKey.parse(upload.key());
        if (parsedKey.isEmpty()) {
            // the bucket notifies every object under tenants/ (S3 filters by prefix only), so the
            // pipeline's own reports, rejections and config files come here too: not worth a warning
            boolean ownOutput = upload.key().matches("tenants/[a-z0-9-]{1,64}/stores/[a-z0-9-]{1,64}/(reports/.*|rejected/.*|config\\.json)");
            LOG.log(ownOutput ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                    "ignored an object outside a store''s inbox/: {0}", upload.key());
            return Optional.empty();
        }
        UploadKey key = parsedKey.get();
        StoreRef store = key.store();
        String fileId = fileId(upload.key(), upload.eTag());
        Optional<FileEntry> known = manifest.file(store, fileId);
        if (known.isPresent() && known.get().status() == FileEntry.Status.DONE) {
            LOG.log(System.Logger.Level.INFO, "already processed: {1}", store, upload.key());
            return Optional.of(new Parsed(upload, known.get(), touchedDays(known.get()), true));
        }
        stores.register(store);
        manifest.save(new FileEntry(store, fileId, key.fileName(), upload.key(), FileEntry.Status.PROCESSING,
                List.of(), List.of(), null, clock.instant()));

        FileIngest.Opener opener = () -> blobs.open(upload.key())
                .orElseThrow(() -> new NoSuchFileException(upload.key()));
        Validation validation = new Validation(() -> accountsOf(store, earlier));
        ingest.read(key.fileName(), opener, validation);
        validation.keepableFileList(key.fileName());
        validation.refuseForeignResolutions(store, results);

        NavigableSet<LocalDate> days = new TreeSet<>();
        DayRange recordDays = null;
        if (validation.anyAccepted()) {
            LocalDate undatedDay = validation.firstDay != null ? validation.firstDay : LocalDate.now(clock.withZone(Times.SHANGHAI));
            RecordPacker packer = store(store, fileId, key.fileName(), opener, validation, undatedDay);
            days.addAll(packer.days());
            if (!packer.days().isEmpty()) {
                recordDays = new DayRange(packer.days().first(), packer.days().last());
            }
            for (CoveredDays covered : validation.coverage) {
                covered.first().datesUntil(covered.last().plusDays(1)).forEach(days::add);
            }
            validation.resolutions.forEach((file, rows) -> resolutions.save(store, fileId + "#" + file, rows));
        }
        for (FileOutcome outcome : validation.outcomes) {
            if (!outcome.accepted()) {
                writeError(store, upload.key(), outcome);
            }
        }
        FileEntry done = new FileEntry(store, fileId, key.fileName(), upload.key(), FileEntry.Status.DONE,
                validation.outcomes, validation.coverage, recordDays, clock.instant());
        return Optional.of(new Parsed(upload, done, days, false));
    }

    /**
     * The accounts the store's files must name: those its processed files named, the earliest first,
     * then this batch's (the pipeline's parse does not read config.json: docs/domain.md, "One store's money").
     */
    private StoreAccounts accountsOf(StoreRef store, List<Parsed> earlier) {
        StoreAccounts accounts = new StoreAccounts(Map.of());
        manifest.files(store).stream()
                .filter(file -> file.status() == FileEntry.Status.DONE)
                .sorted(Comparator.comparing(FileEntry::processedAt).thenComparing(FileEntry::fileId))
                .forEach(file -> file.outcomes().forEach(accounts::check));
        earlier.stream().filter(p -> p.entry.store().equals(store) && !p.alreadyDone)
                .forEach(p -> p.entry.outcomes().forEach(accounts::check));
        return accounts;
    }

    /** Pass 2: the records of the files pass 1 accepted, packed and saved. */
    private RecordPacker store(StoreRef store, String fileId, String name, FileIngest.Opener opener,
            Validation validation, LocalDate undatedDay) {
        List<RecordChunk> pending = new ArrayList<>(CHUNKS_PER_SAVE);
        RecordPacker packer = new RecordPacker(fileId, undatedDay, chunk -> {
            pending.add(chunk);
            if (pending.size() == CHUNKS_PER_SAVE) {
                records.save(store, List.copyOf(pending));
                pending.clear();
            }
        });
        ingest.read(name, opener, new IngestListener() {
            private int file;

            @Override
            public RecordSink start(String fileName) {
                // a resolutions file's rows were kept by pass 1: they go to the resolution store, not the packs
                FileOutcome outcome = validation.outcomes.get(file);
                return outcome.accepted() && outcome.kind() != FileKind.RESOLUTIONS ? packer : RecordSink.DISCARD;
            }

            @Override
            public void finish(FileOutcome outcome) {
                if (!outcome.equals(validation.read.get(file++))) {
                    throw new IllegalStateException("the second reading of " + outcome.name() + " differs from the first");
                }
            }
        });
        packer.finish();
        if (!pending.isEmpty()) {
            records.save(store, List.copyOf(pending));
        }
        return packer;
    }

    private void writeError(StoreRef store, String key, FileOutcome outcome) {
        try {
            byte[] error = PRETTY_JSON.composeBytes().startObject()
                    .put("file", outcome.name())
                    .put("key", key)
                    .put("kind", outcome.kind().name())
                    .put("line", outcome.line())
                    .put("error", outcome.error())
                    .put("rejectedAt", Times.iso(clock.instant().getEpochSecond()))
                    .end().finish();
            blobs.write(store.rejectedPrefix() + safeName(outcome.name()) + ".error.json", error, "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error of " + key, e);
        }
    }

    /** The days a processed file touched: those of its records and of its ledger coverage. */
    private static NavigableSet<LocalDate> touchedDays(FileEntry file) {
        NavigableSet<LocalDate> days = new TreeSet<>();
        if (file.recordDays() != null) {
            file.recordDays().first().datesUntil(file.recordDays().last().plusDays(1)).forEach(days::add);
        }
        for (CoveredDays covered : file.coverage()) {
            covered.first().datesUntil(covered.last().plusDays(1)).forEach(days::add);
        }
        return days;
    }

    /**
     * Marks the upload done (its manifest entry), then alerts about its rejected files. The alert is
     * claimed first: the same upload parsed twice at once, or again after a failure past the alert,
     * alerts once.
     */
    private void finish(Parsed parsed) {
        if (!parsed.alreadyDone) {
            manifest.save(parsed.entry);
        }
        List<FileOutcome> rejected = parsed.entry.outcomes().stream().filter(o -> !o.accepted()).toList();
        StoreRef store = parsed.entry.store();
        if (!rejected.isEmpty()) {
            alerts.rejectedFiles(store, parsed.entry.fileId(), rejected);
        }
    }

    /**
     * A file or ZIP member name as a key below rejected/: its segments without ".", ".." or empty
     * ones, so that a crafted member name cannot point anywhere else.
     */
    static String safeName(String name) {
        List<String> kept = new ArrayList<>();
        for (String segment : name.replace('\\', '/').split("/")) {
            String clean = segment.codePoints()
                    .map(c -> Character.isISOControl(c) ? '_' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            if (!clean.isEmpty() && !clean.equals(".") && !clean.equals("..")) {
                kept.add(clean);
            }
        }
        return kept.isEmpty() ? "file" : String.join("/", kept);
    }

    /**
     * Pass 1: every file's outcome, and for the accepted ones their coverage, their first record day and
     * the rows of the resolutions files; the records of exports are only looked at, never kept.
     */
    private static final class Validation implements IngestListener, RecordSink {
        /**
         * The file manifest keeps an upload's file list in one DynamoDB item (400 KB at most) and each
         * rejected file's error under its name (an S3 key is 1,024 bytes at most): a ZIP of hundreds of
         * members with long names would fit neither, and fail again on every retry.
         */
        static final int MAX_MEMBER_NAME_CHARS = 255;
        static final int MAX_FILE_LIST_BYTES = 100 * 1024;
        static final String FILE_LIST_TOO_LONG = "压缩包内的文件太多或文件名太长（每个文件名最多 " + MAX_MEMBER_NAME_CHARS
                + " 个字符，全部合计最多 " + (MAX_FILE_LIST_BYTES >> 10) + " KB），无法登记；请改短文件名或分成几个压缩包上传";


        /** The outcomes as read, and as they stand after the upload's own checks. */
        final List<FileOutcome> read = new ArrayList<>();
        final List<FileOutcome> outcomes = new ArrayList<>();
        final List<CoveredDays> coverage = new ArrayList<>();
        /** The rows of each accepted resolutions file, by its position in the upload. */
        final Map<Integer, List<Resolution>> resolutions = new TreeMap<>();
        LocalDate firstDay;
        private final List<CoveredDays> fileCoverage = new ArrayList<>();
        private final List<Resolution> fileResolutions = new ArrayList<>();
        private LocalDate fileFirstDay;
        /** Read from the manifest only when a file names an account: most uploads cost no query for it. */
        private final Supplier<StoreAccounts> storeAccounts;
        private StoreAccounts accounts;

        Validation(Supplier<StoreAccounts> storeAccounts) {
            this.storeAccounts = storeAccounts;
        }

        boolean anyAccepted() {
            return outcomes.stream().anyMatch(FileOutcome::accepted);
        }

        /** Rejects the whole upload, keeping nothing of it, when its file list is too long to keep. */
        void keepableFileList(String uploadName) {
            long bytes = 0;
            boolean nameTooLong = false;
            for (FileOutcome outcome : outcomes) {
                // a ZIP member is named "{upload}/{member}"
                nameTooLong |= outcome.name().length() > uploadName.length() + 1 + MAX_MEMBER_NAME_CHARS;
                bytes += outcome.name().getBytes(StandardCharsets.UTF_8).length
                        + (outcome.error() == null ? 0 : outcome.error().getBytes(StandardCharsets.UTF_8).length);
            }
            if (nameTooLong || bytes > MAX_FILE_LIST_BYTES) {
                outcomes.clear();
                coverage.clear();
                resolutions.clear();
                firstDay = null;
                outcomes.add(FileOutcome.rejected(uploadName, FileKind.UNKNOWN, 0, FILE_LIST_TOO_LONG));
            }
        }

        /**
         * Rejects a resolutions file, with the line, that names another store's anomaly or an id the store
         * never had (docs/contracts.md, "Resolutions file"): its rows are kept for nobody.
         */
        void refuseForeignResolutions(StoreRef store, ResultStore results) {
            for (var file : List.copyOf(resolutions.entrySet())) {
                Map<String, LocalDate> known = results.anomalyDays(store,
                        file.getValue().stream().map(Resolution::anomalyId).distinct().toList());
                for (Resolution row : file.getValue()) {
                    String refusal = row.refusal(store.toString(), known.containsKey(row.anomalyId()));
                    if (refusal != null) {
                        FileOutcome accepted = outcomes.get(file.getKey());
                        outcomes.set(file.getKey(), FileOutcome.rejected(accepted.name(), accepted.kind(), row.line(), refusal));
                        resolutions.remove(file.getKey());
                        break;
                    }
                }
            }
        }

        @Override
        public RecordSink start(String fileName) {
            fileCoverage.clear();
            fileResolutions.clear();
            fileFirstDay = null;
            return this;
        }

        @Override
        public void finish(FileOutcome asRead) {
            read.add(asRead);
            if (asRead.account() != null && accounts == null) {
                accounts = storeAccounts.get();
            }
            FileOutcome outcome = accounts == null ? asRead : accounts.check(asRead);
            outcomes.add(outcome);
            if (outcome.accepted()) {
                if (!fileResolutions.isEmpty()) {
                    resolutions.put(outcomes.size() - 1, List.copyOf(fileResolutions));
                }
                coverage.addAll(fileCoverage);
                if (fileFirstDay != null && (firstDay == null || fileFirstDay.isBefore(firstDay))) {
                    firstDay = fileFirstDay;
                }
            }
        }

        @Override
        public void order(Order order) {
            seen(order.dayTime());
        }

        @Override
        public void ledgerLine(LedgerLine line) {
            seen(line.occurredAt());
        }

        @Override
        public void refund(Refund refund) {
            seen(refund.dayTime());
        }

        @Override
        public void invoice(Invoice invoice) {
            seen(invoice.issuedAt());
        }

        @Override
        public void resolution(Resolution resolution) {
            fileResolutions.add(resolution);
        }

        @Override
        public void coverage(FileKind kind, LocalDate first, LocalDate last) {
            if (!last.isBefore(first)) {
                fileCoverage.add(new CoveredDays(kind, first, last));
            }
        }

        private void seen(long time) {
            if (Times.isPresent(time)) {
                LocalDate day = Times.day(time);
                if (fileFirstDay == null || day.isBefore(fileFirstDay)) {
                    fileFirstDay = day;
                }
            }
        }
    }
}
