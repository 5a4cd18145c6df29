package recon.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import recon.functions.aws.JsonLog;
import recon.functions.match.MatchHandler;
import recon.functions.parse.ParseHandler;
import recon.functions.report.ReportHandler;

/** {@code ./recon COMMAND ...}: the command line (docs/contracts.md, "Command line"). */
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    static final int REJECTED_FILES = 3;

    /** Each command's usage, in the order the full usage lists them. */
    private static final List<Map.Entry<String, String>> COMMANDS = List.of(
            Map.entry("reconcile", """
                      ./recon reconcile --tenant T --store S [--config FILE] [--formats json,csv,xlsx,html] [--out DIR] FILE|FOLDER...
                          reconcile a store's exports offline; writes DIR/summary.json and DIR/reports/{day}/
                          and DIR/reports/{month}/ with the files --formats names (default all four); DIR is
                          written whole (default out/T-S); without --config, a config.json in a folder given is used
                          exit 0: all files accepted, 3: some files rejected (the others are reconciled), 2: usage
                    """),
            Map.entry("demo", """
                      ./recon demo [--tenant T --store S --config FILE] [--out DIR] [FILE|FOLDER...]
                          the serverless pipeline on the local emulator: uploads the files (none: generated
                          samples of two tenants), runs until drained, copies the results to DIR (out/demo)
                          exit 0: every file processed (reported or rejected with a reason), 1: otherwise
                    """),
            Map.entry("replay", """
                      ./recon replay --tenant T --store S [--stack NAME] [--day yyyy-MM-dd] [--local]
                          moves the dead letters back to their queues and has the store matched and reported
                          again, on the stack --stack or the environment names (docs/operations.md, "Replay"); --local also
                          runs the functions here, against an emulator. exit 0: done, 1: something is left
                    """),
            Map.entry("generate", """
                      ./recon generate --out DIR [--orders N] [--days D] [--seed X] [--daily]
                          write realistic sample exports for several stores, with DIR/manifest.json;
                          --daily: every day's exports in files of their own, named by the next morning
                    """),
            Map.entry("bench", """
                      ./recon bench [--orders N] [--quick] [--dir DIR] [--pipeline-orders N]
                          time the offline engine against pandas and DuckDB peers on N generated orders
                          (default 1,000,000; --quick 100,000), then run the pipeline on the emulator with
                          one store's month uploaded once (default 100,000 orders) and price it per 100k
                          orders. Appends its rows to docs/benchmarks/runs.csv
                      ./recon bench --pipeline [--pattern monthly|daily] [--orders N] [--days D] [--dir DIR]
                          the pipeline part only, N orders (default 100,000) over D days (default 31)
                          uploaded once at the end (monthly) or every morning the day before's files
                          (daily), on one stack; each function's longest invocation and peak heap
                      ./recon bench --cold-start [--runs N]
                          each function's Lambda jar in a new JVM handling its first event on the emulator
                          (no SnapStart): jar size and the median times of N runs (default 5)
                    """),
            Map.entry("test", """
                      ./recon test
                          run the whole test suite
                    """));

    static final String USAGE_TEXT = "usage:\n" + COMMANDS.stream().map(Map.Entry::getValue).collect(Collectors.joining());

    /** What a mistake in a command's line prints after the message: that command's usage alone. */
    static String usageOf(String command) {
        return COMMANDS.stream().filter(c -> c.getKey().equals(command)).findFirst()
                .map(c -> "usage:\n" + c.getValue() + "  (./recon --help: every command)\n")
                .orElse("commands: " + COMMANDS.stream().map(Map.Entry::getKey).collect(Collectors.joining(", "))
                        + " (./recon COMMAND --help)\n");
    }

    /**
     * Room set aside for the out-of-memory message: freed before it is written, so the message never runs out
     * of heap itself while something (a reader's buffer, a thread still unwinding) holds the rest.
     */
    private static byte[] reserveForTheLastWord = new byte[1 << 20];

    static final List<String> HELP = List.of("help", "-h", "--help");

    private Main() {}

    public static void main(String[] args) {
        quietLog();
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /**
     * A command prints its own lines; of the log (the core's and the AWS SDK's), only warnings and errors
     * reach the console, one JSON object a line on standard error. The demo sends its functions' log to a file.
     */
    static void quietLog() {
        JsonLog.install(System.err, Level.WARNING);
    }

    /** The real Lambda handlers, run in-process by the demo's local runner. */
    private static DemoCommand.Pipeline pipeline() {
        return new DemoCommand.Pipeline(ParseHandler::new, MatchHandler::new, ReportHandler::new);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || HELP.contains(args.get(0))) {
            out.print(USAGE_TEXT);
            return args.isEmpty() ? USAGE : OK;
        }
        List<String> rest = args.subList(1, args.size());
        return guarded(args.get(0), out, err, () -> switch (args.get(0)) {
            case "reconcile" -> new ReconcileCommand(out, err).run(rest);
            case "generate" -> new GenerateCommand(out).run(rest);
            case "demo" -> new DemoCommand(out, err, pipeline()).run(rest);
            case "replay" -> new ReplayCommand(out, err, System.getenv(), pipeline()).run(rest);
            case "bench" -> throw new Args.UsageException("bench runs from its own jar (tools/bench): ./recon bench …");
            default -> throw new Args.UsageException("未知命令 unknown command " + args.get(0)
                    + Args.didYouMean(args.get(0), COMMANDS.stream().map(Map.Entry::getKey).toList(), ""));
        });
    }

    /** A command's work: its exit code. */
    @FunctionalInterface
    public interface Command {
        int run() throws Exception;
    }

    /**
     * Runs a command as {@code ./recon} does every command: a mistake in the command line is exit 2 with
     * the usage, any other failure exit 1 with its message, never a stack trace.
     */
    public static int guarded(String name, PrintStream err, Command command) {
        return guarded(name, System.out, err, command);
    }

    /** As {@link #guarded(String, PrintStream, Command)}; {@code --help} anywhere prints the command's usage on {@code out}. */
    static int guarded(String name, PrintStream out, PrintStream err, Command command) {
        try {
            return command.run();
        } catch (Args.HelpRequested e) {
            out.print(usageOf(name));
            return OK;
        } catch (Args.UsageException e) {
            err.println("recon: " + e.getMessage());
            err.print(usageOf(name));
            return USAGE;
        } catch (Exception e) {
            err.println("recon: " + e.getMessage());
            return FAILED;
        } catch (OutOfMemoryError e) {
            // the store's records are unreachable once the command has unwound and the reserve is freed, so there
            // is room to say so; printed piece by piece: string concatenation and a Formatter both bootstrap code
            // (method handles, locale data) in a heap that just ran out
            reserveForTheLastWord = null;
            err.print("recon: 内存不足 out of memory: this needs more than the ");
            err.print(Runtime.getRuntime().maxMemory() >> 20);
            err.print(" MB the JVM may use here; run it again with more, e.g. RECON_JAVA_OPTS=-Xmx4g ./recon ");
            err.print(name);
            err.println(" …");
            return FAILED;
        }
    }
}
