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
import org.junit.jupiter.api.AfterEach;
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

    private final HeapWatch heap = new HeapWatch();

    @AfterEach
    void stopWatching() {
        heap.close();
    }

    @Test
    void countsAndPricesEveryServiceOfOneUploadedStore(URI endpoint) throws Exception {
        // given a generated store of 2,000 orders
        BenchCommand.Workload workload = BenchCommand.prepare(work, 2_000);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        // when
        PipelineBench.Result result = PipelineBench.run(endpoint, workload.store(), 2_000, PipelineBench.Pattern.MONTHLY, heap,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        // then the pipeline ran through
        assertThat(result.ok()).as(log.toString(StandardCharsets.UTF_8)).isTrue();
        Map<String, PipelineCost.Function> functions = result.functions().stream()
                .collect(Collectors.toMap(PipelineCost.Function::name, Function.identity()));
        // parse got the uploads, one message each: not config.json, not the reports
        assertThat(result.uploads()).isEqualTo(1);
        assertThat(functions.get("parse").messages()).isEqualTo(workload.store().files().size());
        assertThat(functions.get("parse").invocations()).isEqualTo(functions.get("parse").messages());
        assertThat(functions.get("match").invocations()).isPositive();
        assertThat(functions.get("report").invocations()).isPositive();
        assertThat(result.functions()).allSatisfy(f -> assertThat(f.handlerSeconds()).as(f.name()).isPositive());
        assertThat(result.peaks()).extracting(PipelineBench.Peak::name).containsExactly("parse", "match", "report");
        assertThat(result.peaks()).allSatisfy(p -> assertThat(p.longestSeconds()).as(p.name()).isPositive()
                .isLessThanOrEqualTo(result.functions().stream().filter(f -> f.name().equals(p.name())).findFirst()
                        .orElseThrow().handlerSeconds()));

        // and the requests of every service were counted, the uploads' among them
        Map<String, Long> requests = result.requests().stream()
                .collect(Collectors.groupingBy(u -> u.service() + " " + u.operation(), Collectors.summingLong(RequestMeter.Usage::requests)));
        assertThat(requests).containsKeys("DynamoDb BatchWriteItem", "DynamoDb Query", "S3 GetObject", "S3 HeadObject", "Sns Publish");
        assertThat(requests.get("S3 PutObject")).isGreaterThan(workload.store().files().size() + 1L);
        assertThat(result.cost().lines()).allSatisfy(line -> assertThat(line.cost()).as(line.price().item()).isPositive());
        assertThat(result.cost().per100k(result.cost().total())).isEqualByComparingTo(result.cost().total().multiply(BigDecimal.valueOf(50)).setScale(6, RoundingMode.HALF_UP));
        // and a night with no upload re-matched the store, and cost something, but far less than the month
        assertThat(result.nightly().total()).isPositive().isLessThan(result.cost().total());
    }

    @Test
    void dailyUploadsAreOneUploadAMorningAndEachReportObjectIsWrittenOnlyWhenItChanged(URI endpoint) throws Exception {
        // given a store of 1,000 orders whose exports come a day at a time
        BenchCommand.Workload workload = BenchCommand.prepare(work, 1_000, PipelineBench.DEFAULT_DAYS, true);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        // when the seller uploads every morning the files of the day before
        PipelineBench.Result result = PipelineBench.run(endpoint, workload.store(), 1_000, PipelineBench.Pattern.DAILY, heap,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        // then every morning was an upload of its own, parse got each file once, and it all ran through
        assertThat(result.ok()).as(log.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(result.uploads()).isEqualTo((int) workload.store().files().stream().map(workload.store()::exportDay).distinct().count())
                .isGreaterThanOrEqualTo(30);
        Map<String, Long> requests = result.requests().stream()
                .collect(Collectors.groupingBy(u -> u.service() + " " + u.operation(), Collectors.summingLong(RequestMeter.Usage::requests)));
        PipelineCost.Function parse = result.functions().get(0);
        assertThat(parse.messages()).isEqualTo(workload.store().files().size());
        // a report object is looked at (HEAD) each time its folder is written, and put only when it changed
        long reportPuts = requests.get("S3 PutObject") - workload.store().files().size() - 1;
        assertThat(reportPuts).isPositive().isLessThan(requests.get("S3 HeadObject"));
    }
}
