package recon.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import recon.port.StoreRef;

class JsonLogTest {
    private static final StoreRef STORE = new StoreRef("t1", "s1");

    @AfterEach
    void quiet() {
        JsonLog.install(new PrintStream(new ByteArrayOutputStream()), Level.WARNING);
    }

    private static Map<String, Object> fields(String line) throws IOException {
        return JSON.std.mapFrom(line);
    }

    @Test
    void aRecordIsOneLineWithItsStoreAndMessages() throws IOException {
        LogRecord record = new LogRecord(Level.INFO, "matched {0} {1}: {2} days changed");
        record.setLoggerName("recon.usecase.MatchStores");
        record.setParameters(new Object[] {STORE, "2026-11-01..2026-11-30", 3});

        String line = JsonLog.line(record, List.of("m-1", "m-2"));

        assertThat(line).doesNotContain("\n");
        assertThat(fields(line)).containsOnlyKeys("time", "level", "logger", "message", "tenant", "store", "messageId")
                .containsEntry("level", "INFO")
                .containsEntry("logger", "recon.usecase.MatchStores")
                .containsEntry("message", "matched t1/s1 2026-11-01..2026-11-30: 3 days changed")
                .containsEntry("tenant", "t1")
                .containsEntry("store", "s1")
                .containsEntry("messageId", "m-1,m-2");
    }

    @Test
    void anErrorAmongTheParametersIsTheRecordsError() throws IOException {
        LogRecord record = new LogRecord(Level.SEVERE, "cannot parse {1}");
        record.setParameters(new Object[] {STORE, "tenants/t1/stores/s1/inbox/a.csv", new IllegalStateException("timeout")});

        Map<String, Object> fields = fields(JsonLog.line(record, List.of()));

        assertThat(fields).containsEntry("level", "ERROR")
                .containsEntry("message", "cannot parse tenants/t1/stores/s1/inbox/a.csv")
                .containsEntry("error", "java.lang.IllegalStateException: timeout")
                .doesNotContainKey("messageId");
        assertThat((String) fields.get("stackTrace")).contains("JsonLogTest");
    }

    @Test
    void theCoresAndTheSdksLoggersBothReachTheInstalledLog() throws IOException {
        var out = new ByteArrayOutputStream();
        JsonLog.install(new PrintStream(out, true, StandardCharsets.UTF_8), Level.INFO);

        try (var context = LogContext.messages(List.of("m-9"))) {
            System.getLogger("recon.usecase.WriteReports").log(System.Logger.Level.INFO, "reported {0}: {1} folders", STORE, 4);
            System.getLogger("recon.usecase.WriteReports").log(System.Logger.Level.DEBUG, "not at INFO");
        }
        LoggerFactory.getLogger("software.amazon.awssdk.request").warn("retrying {}", "PutItem");

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(fields(lines.get(0))).containsEntry("message", "reported t1/s1: 4 folders")
                .containsEntry("store", "s1").containsEntry("messageId", "m-9");
        assertThat(fields(lines.get(1))).containsEntry("level", "WARN").containsEntry("message", "retrying PutItem")
                .containsEntry("logger", "software.amazon.awssdk.request");
    }
}
