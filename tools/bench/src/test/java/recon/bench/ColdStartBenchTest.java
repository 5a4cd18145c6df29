package recon.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

class ColdStartBenchTest {
    private static final Path ROOT = BenchCommand.projectRoot();

    @Test
    void givesEachFunctionTheVariablesTheTemplateSetsIt() throws Exception {
        JsonNode template = new YAMLMapper().readTree(ROOT.resolve("template.yaml").toFile());
        List<String> global = names(template.path("Globals").path("Function").path("Environment").path("Variables"));

        for (String function : ColdStartBench.FUNCTIONS) {
            JsonNode properties = functionResource(template, function).path("Properties");
            List<String> expected = new ArrayList<>(global);
            expected.addAll(names(properties.path("Environment").path("Variables")));

            assertThat(ColdStartBench.variables(function)).as(function).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(properties.path("Handler").asText()).isEqualTo(ColdStartBench.HANDLERS.get(function) + "::handleRequest");
        }
    }

    @Test
    void startsTheJarWithLambdasFlagsAndTheEntryPointOnly() {
        Path jar = Path.of("/jars/parse-lambda.jar");
        Path probe = Path.of("/work/probe");

        List<String> command = ColdStartBench.command(jar, probe, "parse", List.of(Path.of("/work/b1.json")));

        assertThat(command).containsSubsequence("-XX:TieredStopAtLevel=1", "-cp",
                jar + File.pathSeparator + probe, "recon.bench.FirstEvent", "recon.functions.parse.ParseHandler",
                "/work/b1.json");
    }

    @Test
    void firstEventConstructsTheHandlerByNameAndCountsFailedMessages() throws Exception {
        String line = FirstEvent.handle(FailsBodiesSayingFail.class.getName(), List.of("ok", "fail", "fail"));

        String[] fields = line.split(" ");
        assertThat(fields[0]).isEqualTo(FirstEvent.PREFIX);
        long jvmStart = Long.parseLong(fields[1]);
        long constructed = Long.parseLong(fields[2]);
        long handled = Long.parseLong(fields[3]);
        assertThat(jvmStart).isLessThanOrEqualTo(constructed);
        assertThat(constructed).isLessThanOrEqualTo(handled);
        assertThat(fields[5]).isEqualTo("2");
    }

    @Test
    void primingRunsTheHandlersBeforeCheckpointOnANewInstance() throws Exception {
        int before = CountsPrimings.primed.get();

        FirstEvent.prime(CountsPrimings.class.getName());

        assertThat(CountsPrimings.primed.get()).isEqualTo(before + 1);
    }

    @Test
    void runTakesItsTimesFromTheFirstEventLine() {
        ColdStartBench.Run run = ColdStartBench.Run.parse("first-event 1000 1600 2500 1300 0", 900);

        assertThat(run).isEqualTo(new ColdStartBench.Run(1600, 1500, 600, 900, 1300));
        assertThatThrownBy(() -> ColdStartBench.Run.parse("Exception in thread main", 900))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        List<ColdStartBench.Run> runs = List.of(run(400), run(100), run(300), run(200));

        assertThat(ColdStartBench.median(runs, ColdStartBench.Run::cpu)).isEqualTo(250);
        assertThat(ColdStartBench.median(runs.subList(0, 3), ColdStartBench.Run::cpu)).isEqualTo(300);
    }

    private static ColdStartBench.Run run(long cpu) {
        return new ColdStartBench.Run(0, 0, 0, 0, cpu);
    }

    private static JsonNode functionResource(JsonNode template, String function) {
        // FunctionName: !Sub "recon-${Stage}-parse", read as its pattern
        String name = "recon-${Stage}-" + function;
        for (JsonNode resource : template.path("Resources")) {
            if (resource.path("Properties").path("FunctionName").asText().equals(name)) {
                return resource;
            }
        }
        throw new AssertionError("no function " + name + " in template.yaml");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A handler as Lambda finds it: public, no-argument constructor. */
    public static final class FailsBodiesSayingFail implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                if (message.getBody().equals("fail")) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        }
    }

    /** Counts the primings SnapStart would run. */
    public static final class CountsPrimings implements Resource {
        static final AtomicInteger primed = new AtomicInteger();

        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            primed.incrementAndGet();
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {}
    }
}
