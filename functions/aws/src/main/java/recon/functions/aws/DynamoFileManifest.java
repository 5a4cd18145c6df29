package recon.functions.aws;

import static recon.functions.aws.DynamoTable.n;
import static recon.functions.aws.DynamoTable.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import recon.domain.FileKind;
import recon.domain.FileOutcome;
import recon.domain.StoreAccount;
import recon.port.CoveredDays;
import recon.port.DayRange;
import recon.port.FileEntry;
import recon.port.FileManifest;
import recon.port.StoreRef;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * File manifest items ({@link TableKeys#file}): name, key, status, outcomes (list of maps),
 * coverage (list of {kind, first, last}), minDay/maxDay when the file has records, processedAt.
 */
final class DynamoFileManifest implements FileManifest {
    private final DynamoTable table;

    DynamoFileManifest(DynamoTable table) {
        this.table = table;
    }

    @Override
    public Optional<FileEntry> file(StoreRef store, String fileId) {
        return table.get(TableKeys.store(store), TableKeys.file(fileId)).map(item -> entry(store, item));
    }

    @Override
    public List<FileEntry> files(StoreRef store) {
        List<FileEntry> entries = new ArrayList<>();
        table.query(TableKeys.store(store), TableKeys.FILE, item -> entries.add(entry(store, item)));
        return entries;
    }

    @Override
    public void save(FileEntry entry) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put("name", s(entry.name()));
        attributes.put("key", s(entry.key()));
        attributes.put("status", s(entry.status().name()));
        attributes.put("outcomes", AttributeValue.fromL(entry.outcomes().stream().map(DynamoFileManifest::outcome).toList()));
        attributes.put("coverage", AttributeValue.fromL(entry.coverage().stream()
                .map(c -> AttributeValue.fromM(Map.of("kind", s(c.kind().name()),
                        "first", s(c.first().toString()), "last", s(c.last().toString()))))
                .toList()));
        if (entry.recordDays() != null) {
            attributes.put("minDay", s(entry.recordDays().first().toString()));
            attributes.put("maxDay", s(entry.recordDays().last().toString()));
        }
        attributes.put("processedAt", s(entry.processedAt().toString()));
        table.put(table.item(TableKeys.store(entry.store()), TableKeys.file(entry.fileId()), attributes));
    }

    private static AttributeValue outcome(FileOutcome o) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("name", s(o.name()));
        m.put("kind", s(o.kind().name()));
        m.put("accepted", AttributeValue.fromBool(o.accepted()));
        m.put("rows", n(o.rows()));
        m.put("line", n(o.line()));
        if (o.error() != null) {
            m.put("error", s(o.error()));
        }
        if (o.account() != null) {
            m.put("accountKind", s(o.account().kind().name()));
            m.put("account", s(o.account().id()));
        }
        return AttributeValue.fromM(m);
    }

    private static FileEntry entry(StoreRef store, Map<String, AttributeValue> item) {
        List<FileOutcome> outcomes = new ArrayList<>();
        for (AttributeValue value : item.getOrDefault("outcomes", AttributeValue.fromL(List.of())).l()) {
            Map<String, AttributeValue> m = value.m();
            outcomes.add(new FileOutcome(m.get("name").s(), FileKind.valueOf(m.get("kind").s()), m.get("accepted").bool(),
                    Long.parseLong(m.get("rows").n()), Integer.parseInt(m.get("line").n()),
                    m.containsKey("error") ? m.get("error").s() : null,
                    m.containsKey("account") ? new StoreAccount(StoreAccount.Kind.valueOf(m.get("accountKind").s()),
                            m.get("account").s()) : null));
        }
        List<CoveredDays> coverage = new ArrayList<>();
        for (AttributeValue value : item.getOrDefault("coverage", AttributeValue.fromL(List.of())).l()) {
            Map<String, AttributeValue> m = value.m();
            // entries written before order and refund reports had coverage are a ledger's
            FileKind kind = m.containsKey("kind") ? FileKind.valueOf(m.get("kind").s()) : FileKind.ALIPAY_LEDGER;
            coverage.add(new CoveredDays(kind, LocalDate.parse(m.get("first").s()), LocalDate.parse(m.get("last").s())));
        }
        DayRange recordDays = item.containsKey("minDay")
                ? new DayRange(LocalDate.parse(item.get("minDay").s()), LocalDate.parse(item.get("maxDay").s()))
                : null;
        return new FileEntry(store, item.get("sk").s().substring(TableKeys.FILE.length()), item.get("name").s(),
                item.get("key").s(), FileEntry.Status.valueOf(item.get("status").s()), outcomes, coverage, recordDays,
                Instant.parse(item.get("processedAt").s()));
    }
}
