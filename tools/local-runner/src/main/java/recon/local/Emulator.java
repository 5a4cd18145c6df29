package recon.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The AWS emulator the local demo and the tests talk to: the one AWS_ENDPOINT_URL names (a running
 * moto, LocalStack, Floci), or else moto in server mode, started from the project's virtualenv
 * ({@code tools/venv.sh}) on a free loopback port and stopped on close or when the JVM exits.
 */
public final class Emulator implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final URI endpoint;
    private final Process moto;
    private final Path log;
    private final Thread stopOnExit;

    private Emulator(URI endpoint, Process moto, Path log) {
        this.endpoint = endpoint;
        this.moto = moto;
        this.log = log;
        if (moto == null) {
            this.stopOnExit = null;
        } else {
            this.stopOnExit = new Thread(this::stopMoto, "stop-moto");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    /** The emulator at AWS_ENDPOINT_URL when set, else a moto started for this process. */
    public static Emulator start() {
        String configured = System.getenv("AWS_ENDPOINT_URL");
        if (configured != null && !configured.isBlank()) {
            return new Emulator(URI.create(configured), null, null);
        }
        return startMoto(repositoryRoot());
    }

    /** Starts moto from {@code root/.venv}, creating the virtualenv first if needed (about a minute, once). */
    public static Emulator startMoto(Path root) {
        Path venv = virtualenv(root);
        int port = freePort();
        try {
            Path log = Files.createTempFile("recon-moto-", ".log");
            Process process = new ProcessBuilder(
                    venv.resolve("bin/moto_server").toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Emulator emulator = new Emulator(URI.create("http://127.0.0.1:" + port), process, log);
            try {
                emulator.awaitAnswer();
            } catch (RuntimeException e) {
                emulator.close();
                throw e;
            }
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto from " + venv, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** True when this process started the emulator (moto), false when it was given by AWS_ENDPOINT_URL. */
    public boolean startedHere() {
        return moto != null;
    }

    @Override
    public void close() {
        if (moto == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook runs anyway
        }
        stopMoto();
    }

    private void stopMoto() {
        moto.destroy();
        try {
            if (!moto.waitFor(5, TimeUnit.SECONDS)) {
                moto.destroyForcibly();
            }
        } catch (InterruptedException e) {
            moto.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }

    /** The repository root: the system property recon.root, else the first folder up from here holding tools/venv.sh. */
    static Path repositoryRoot() {
        String configured = System.getProperty("recon.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/venv.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository (tools/venv.sh) from " + Path.of("").toAbsolutePath()
                + "; run from inside it, set -Drecon.root=..., or set AWS_ENDPOINT_URL to a running emulator");
    }

    /** Runs tools/venv.sh (which installs only when the requirements changed) and returns the virtualenv it prints. */
    private static Path virtualenv(Path root) {
        try {
            Process process = new ProcessBuilder("bash", root.resolve("tools/venv.sh").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = process.waitFor();
            if (exit != 0 || printed.isEmpty()) {
                throw new IllegalStateException("tools/venv.sh failed (exit " + exit + ")");
            }
            List<String> lines = printed.lines().toList();
            return Path.of(lines.get(lines.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run tools/venv.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the virtualenv", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** Polls the server until it answers HTTP; fails with the end of its log when it dies or stays silent. */
    private void awaitAnswer() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!moto.isAlive()) {
                throw new IllegalStateException("moto exited with " + moto.exitValue() + ": " + logTail());
            }
            try {
                http.send(ping, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYetListening) {
                // try again below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
        }
        throw new IllegalStateException("moto did not answer on " + endpoint + " within " + START_TIMEOUT.toSeconds() + " s: " + logTail());
    }

    private String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
