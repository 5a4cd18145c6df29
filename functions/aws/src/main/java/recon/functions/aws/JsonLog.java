package recon.functions.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import recon.port.StoreRef;

/**
 * The functions' log: one JSON object a line with stable keys — time, level, logger, message, and where
 * they apply tenant, store (from a {@link StoreRef} among the record's parameters), messageId (from
 * {@link LogContext}), error and stackTrace (the record's error, or a Throwable among its parameters) — so that CloudWatch Logs Insights can query them. The core
 * logs through {@link System.Logger} and the AWS SDK through SLF4J, both of which reach
 * java.util.logging; this handler replaces its console handler. Log lines carry ids, keys, counts and
 * amounts the code puts in them, never a record's personal data.
 */
public final class JsonLog extends Handler {
    private final PrintStream out;

    private JsonLog(PrintStream out, Level level) {
        this.out = out;
        setLevel(level);
    }

    /** Every log record of this JVM at {@code level} or above, as JSON lines to {@code out}; nothing else. */
    public static synchronized void install(PrintStream out, Level level) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        root.addHandler(new JsonLog(out, level));
    }

    /** Lambda's way: INFO and above to standard output, which Lambda sends to CloudWatch Logs. */
    public static void toStandardOutput() {
        install(System.out, Level.INFO);
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line = line(record, LogContext.current());
        synchronized (out) {
            out.println(line);
        }
    }

    /** The record as one JSON object, without a line break. */
    static String line(LogRecord record, List<String> messageIds) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", Instant.ofEpochMilli(record.getMillis()).toString());
        fields.put("level", level(record.getLevel()));
        fields.put("logger", record.getLoggerName());
        fields.put("message", message(record));
        Throwable thrown = record.getThrown();
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (Object parameter : parameters) {
                if (parameter instanceof StoreRef store && !fields.containsKey("store")) {
                    fields.put("tenant", store.tenant());
                    fields.put("store", store.store());
                } else if (parameter instanceof Throwable error && thrown == null) {
                    // System.Logger takes an error or parameters, not both: an error among the parameters is the error
                    thrown = error;
                }
            }
        }
        if (!messageIds.isEmpty()) {
            fields.put("messageId", String.join(",", messageIds));
        }
        if (thrown != null) {
            fields.put("error", thrown.toString());
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            fields.put("stackTrace", trace.toString());
        }
        try {
            return JSON.std.asString(fields);
        } catch (IOException e) {
            return "{\"level\":\"ERROR\",\"message\":\"a log record could not be written as JSON\"}";
        }
    }

    private static String message(LogRecord record) {
        String text = record.getMessage();
        Object[] parameters = record.getParameters();
        if (text == null || parameters == null || parameters.length == 0) {
            return text;
        }
        try {
            return new MessageFormat(text).format(parameters);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        return value >= Level.INFO.intValue() ? "INFO" : "DEBUG";
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
