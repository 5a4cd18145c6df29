package recon.cli.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's template.yaml, found from the working directory (Maven runs tests in the module). */
public final class RepositoryTemplate {
    private RepositoryTemplate() {}

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }

    /**
     * The template as a tree. CloudFormation's short-form tags are read as their plain value:
     * {@code !Ref X} and {@code !GetAtt X.Arn} become the strings "X" and "X.Arn", {@code !Sub "..."}
     * its pattern, {@code !Not [...]} the list.
     */
    public static JsonNode read() {
        try {
            return new YAMLMapper().readTree(repositoryRoot().resolve("template.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
