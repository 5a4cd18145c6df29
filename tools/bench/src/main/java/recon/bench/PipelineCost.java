package recon.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import recon.local.RequestMeter;

/**
 * What one run of the pipeline costs at {@link PriceList}'s prices, service by service: the requests
 * the functions and the uploads made (counted by {@link RequestMeter}), the DynamoDB units they
 * consumed, and what Lambda and its SQS pollers add, estimated from the functions' invocations and
 * measured handler time.
 *
 * <p>Lambda's SQS poller: one ReceiveMessage per batch it hands to the function (an invocation) and
 * one DeleteMessageBatch per batch that succeeded, the batches being those the local runner
 * received with the template's BatchSize. The pollers' empty
 * long polls of idle queues cost the same whatever the orders, and are left out here. S3's event
 * notification puts each message on the ingest queue: one SQS request each.
 */
record PipelineCost(long orders, List<Line> lines) {
    static final long PER_ORDERS = 100_000;
    /** S3 operations billed at the PUT rate; all others at the GET rate. */
    private static final Set<String> S3_PUT_CLASS = Set.of("PutObject", "CopyObject", "PostObject", "ListObjects",
            "ListObjectsV2", "ListBuckets", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload");

    /** One function as template.yaml deploys it, and what it did in the run: its batches, their messages, the handler's time. */
    record Function(String name, int memoryMb, int batchSize, int invocations, int messages, double handlerSeconds) {
        /** Handler seconds at the function's memory size. */
        BigDecimal gigabyteSeconds() {
            return BigDecimal.valueOf(handlerSeconds).multiply(BigDecimal.valueOf(memoryMb))
                    .divide(BigDecimal.valueOf(1024), 6, RoundingMode.HALF_UP);
        }
    }

    /** One priced quantity. */
    record Line(PriceList.Price price, BigDecimal quantity, BigDecimal cost) {
        static Line of(PriceList.Price price, BigDecimal quantity) {
            return new Line(price, quantity, price.cost(quantity));
        }
    }

    /**
     * @param requests the functions' requests and the uploads'; not the local runner's own (set-up, polling, copying)
     */
    static PipelineCost of(long orders, List<Function> functions, List<RequestMeter.Usage> requests) {
        long invocations = functions.stream().mapToLong(Function::invocations).sum();
        BigDecimal gbSeconds = functions.stream().map(Function::gigabyteSeconds).reduce(BigDecimal.ZERO, BigDecimal::add);
        double writeUnits = requests.stream().mapToDouble(RequestMeter.Usage::writeUnits).sum();
        double readUnits = requests.stream().mapToDouble(RequestMeter.Usage::readUnits).sum();
        long s3Puts = count(requests, "S3", true);
        long s3Gets = count(requests, "S3", false);
        Function parse = functions.stream().filter(f -> f.name().equals("parse")).findFirst().orElseThrow();
        // the ingest queue is standard: EventBridge's sends to it (one per upload), and the parse poller's receive and delete per batch
        long standardSqs = parse.messages() + 2 * parse.invocations();
        // the match and report queues are FIFO: every send by the functions, and their pollers'
        long fifoSqs = count(requests, "Sqs", null) + 2 * (invocations - parse.invocations());
        long publishes = requests.stream().filter(u -> u.service().equals("Sns") && u.operation().equals("Publish"))
                .mapToLong(RequestMeter.Usage::requests).sum();
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of(PriceList.LAMBDA_REQUESTS, BigDecimal.valueOf(invocations)));
        lines.add(Line.of(PriceList.LAMBDA_DURATION, gbSeconds));
        lines.add(Line.of(PriceList.DYNAMODB_WRITES, BigDecimal.valueOf(writeUnits)));
        lines.add(Line.of(PriceList.DYNAMODB_READS, BigDecimal.valueOf(readUnits)));
        lines.add(Line.of(PriceList.S3_PUTS, BigDecimal.valueOf(s3Puts)));
        lines.add(Line.of(PriceList.S3_GETS, BigDecimal.valueOf(s3Gets)));
        lines.add(Line.of(PriceList.SQS_REQUESTS, BigDecimal.valueOf(standardSqs)));
        lines.add(Line.of(PriceList.SQS_FIFO_REQUESTS, BigDecimal.valueOf(fifoSqs)));
        lines.add(Line.of(PriceList.SNS_PUBLISHES, BigDecimal.valueOf(publishes)));
        return new PipelineCost(orders, List.copyOf(lines));
    }

    /** Requests of a service; for S3, those of the PUT class (true) or the others (false); null: all. */
    private static long count(List<RequestMeter.Usage> requests, String service, Boolean putClass) {
        return requests.stream()
                .filter(u -> u.service().equals(service))
                .filter(u -> putClass == null || S3_PUT_CLASS.contains(u.operation()) == putClass)
                .mapToLong(RequestMeter.Usage::requests).sum();
    }

    BigDecimal total() {
        return lines.stream().map(Line::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A cost of this run scaled to {@value #PER_ORDERS} orders. */
    BigDecimal per100k(BigDecimal cost) {
        return cost.multiply(BigDecimal.valueOf(PER_ORDERS)).divide(BigDecimal.valueOf(orders), 6, RoundingMode.HALF_UP);
    }

    /** The cost of the run and per 100k orders, by service, as Markdown. */
    String markdown() {
        StringBuilder table = new StringBuilder("""
                | service | what | quantity | price USD | per | cost of the run USD | per 100k orders USD |
                |---|---|---:|---:|---:|---:|---:|
                """);
        for (Line line : lines) {
            table.append("| %s | %s | %s | %s | %,d | %.6f | %.6f |%n".formatted(line.price().service(), line.price().item(),
                    quantity(line.quantity()), line.price().usd().toPlainString(), line.price().per(), line.cost(),
                    per100k(line.cost())));
        }
        table.append("| **total** | | | | | **%.6f** | **%.6f** |%n".formatted(total(), per100k(total())));
        return table.toString();
    }

    private static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().scale() <= 0 ? "%,d".formatted(quantity.longValue()) : "%,.1f".formatted(quantity);
    }
}
