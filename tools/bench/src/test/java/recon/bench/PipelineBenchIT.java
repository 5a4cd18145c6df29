package recon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import recon.local.EmulatorExtension;
import recon.local.RequestMeter;

/** The bench's pipeline part on a small store: the real functions on the emulator, every service they use counted and priced. */
@ExtendWith(EmulatorExtension.class)
class PipelineBenchIT {
    @TempDir
    Path work;

    @Test
    void countsAndPricesEveryServiceOfOneUploadedStore(URI endpoint) throws Exception {
        // given a generated store of 2,000 orders
        BenchCommand.Workload workload = BenchCommand.prepare(work, 2_000);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        // when
        PipelineBench.Result result = PipelineBench.run(endpoint, workload.store(), 2_000,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        // then the pipeline ran through
        assertThat(result.ok()).as(log.toString(StandardCharsets.UTF_8)).isTrue();
        Map<String, PipelineCost.Function> functions = result.functions().stream()
                .collect(Collectors.toMap(PipelineCost.Function::name, Function.identity()));
        // the five uploads, config.json and every report object come back through the bucket notification
        assertThat(functions.get("parse").messages()).isGreaterThan(workload.store().files().size());
        assertThat(functions.get("parse").invocations()).isEqualTo(functions.get("parse").messages());
        assertThat(functions.get("match").invocations()).isPositive();
        assertThat(functions.get("report").invocations()).isPositive();
        assertThat(result.functions()).allSatisfy(f -> assertThat(f.handlerSeconds()).as(f.name()).isPositive());

        // and the requests of every service were counted, the uploads' among them
        Map<String, Long> requests = result.requests().stream()
                .collect(Collectors.groupingBy(u -> u.service() + " " + u.operation(), Collectors.summingLong(RequestMeter.Usage::requests)));
        assertThat(requests).containsKeys("DynamoDb BatchWriteItem", "DynamoDb Query", "S3 GetObject", "Sns Publish");
        assertThat(requests.get("S3 PutObject")).isGreaterThan(workload.store().files().size() + 1L);
        assertThat(result.cost().lines()).allSatisfy(line -> assertThat(line.cost()).as(line.price().item()).isPositive());
        assertThat(result.cost().per100k(result.cost().total())).isEqualByComparingTo(result.cost().total().multiply(BigDecimal.valueOf(50)).setScale(6, RoundingMode.HALF_UP));
    }
}
