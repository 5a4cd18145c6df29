package recon.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The --out folder of an offline run, written whole: the reports go into a folder beside it, which then
 * takes its place, so a run never leaves an earlier run's day folders among its own. Only a folder that
 * holds nothing but reports is replaced: a mistyped --out never costs an accountant a folder of theirs.
 */
final class OutputFolder implements AutoCloseable {
    /** What a run writes at the top of --out. */
    private static final Set<String> OURS = Set.of("summary.json", "reports");

    private final Path target;
    private final Path staging;
    private boolean published;

    private OutputFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    static OutputFolder claim(Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new Args.UsageException("--out " + outDir + " 是一个文件，不是文件夹 is a file, not a folder");
        }
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
                for (Path entry : entries) {
                    if (!OURS.contains(entry.getFileName().toString())) {
                        throw new Args.UsageException("--out " + outDir + " 里有不是对账报告的文件（" + entry.getFileName()
                                + "），为免覆盖，请换一个新文件夹 holds files that are not reports; give a new folder");
                    }
                }
            }
        }
        Files.createDirectories(target.getParent());
        return new OutputFolder(target, Files.createDirectory(target.resolveSibling(
                "." + target.getFileName() + ".writing-" + UUID.randomUUID())));
    }

    /** Where the run writes its reports. */
    Path staging() {
        return staging;
    }

    /** The run's reports become --out; the earlier run's are deleted. */
    void publish() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        published = true;
        if (old != null) {
            delete(old);
        }
    }

    /** A run that failed leaves --out as it was. */
    @Override
    public void close() throws IOException {
        if (!published) {
            delete(staging);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
