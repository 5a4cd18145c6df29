package recon.bench;

import java.math.BigDecimal;
import java.util.List;

/**
 * The AWS list prices the pipeline's cost is computed with: one table, region us-east-1, on-demand,
 * no free tier, no volume discount. us-east-1 because it is the reference price list every AWS
 * pricing page shows first (and among the cheapest); an Asia Pacific region nearer the sellers lists
 * the same services somewhat higher: re-price with its figures before quoting for one.
 *
 * <p>Sources: the services' pricing pages, aws.amazon.com/lambda/pricing (Arm),
 * aws.amazon.com/dynamodb/pricing/on-demand (after the on-demand price cut of 2024-11-01),
 * aws.amazon.com/s3/pricing (S3 Standard requests), aws.amazon.com/sqs/pricing (standard and FIFO
 * queues), aws.amazon.com/sns/pricing (standard topics). This project's machines cannot reach them;
 * every figure was checked in November 2026 against pricing guides that quote those pages (dated
 * 2025 and 2026), and all agreed. Check the pages themselves before quoting a figure to a customer.
 */
final class PriceList {
    static final String REGION = "us-east-1";
    static final String AS_OF = "list prices as checked in November 2026 (DynamoDB on demand after its 2024-11-01 price cut)";

    /**
     * One price: {@code usd} for every {@code per} units.
     *
     * @param source the pricing page it is listed on
     */
    record Price(String service, String item, BigDecimal usd, long per, String source) {
        /** What {@code quantity} units cost. */
        BigDecimal cost(BigDecimal quantity) {
            return quantity.multiply(usd).divide(BigDecimal.valueOf(per), 12, java.math.RoundingMode.HALF_UP);
        }
    }

    static final Price LAMBDA_REQUESTS = new Price("Lambda", "requests (invocations)", new BigDecimal("0.20"), 1_000_000,
            "aws.amazon.com/lambda/pricing");
    /** The template's functions run on arm64 (Graviton); SnapStart costs nothing extra for Java. */
    static final Price LAMBDA_DURATION = new Price("Lambda", "duration, arm64, GB-seconds", new BigDecimal("0.0000133334"), 1,
            "aws.amazon.com/lambda/pricing");
    static final Price DYNAMODB_WRITES = new Price("DynamoDB", "write request units (on demand)", new BigDecimal("0.625"), 1_000_000,
            "aws.amazon.com/dynamodb/pricing/on-demand");
    static final Price DYNAMODB_READS = new Price("DynamoDB", "read request units (on demand)", new BigDecimal("0.125"), 1_000_000,
            "aws.amazon.com/dynamodb/pricing/on-demand");
    static final Price S3_PUTS = new Price("S3", "PUT, COPY, POST, LIST requests", new BigDecimal("0.005"), 1_000,
            "aws.amazon.com/s3/pricing");
    static final Price S3_GETS = new Price("S3", "GET and all other requests", new BigDecimal("0.0004"), 1_000,
            "aws.amazon.com/s3/pricing");
    /** Every 64 KB of a request's payload counts as one request; the pipeline's messages are far smaller. */
    static final Price SQS_REQUESTS = new Price("SQS", "standard queue requests", new BigDecimal("0.40"), 1_000_000,
            "aws.amazon.com/sqs/pricing");
    static final Price SQS_FIFO_REQUESTS = new Price("SQS", "FIFO queue requests", new BigDecimal("0.50"), 1_000_000,
            "aws.amazon.com/sqs/pricing");
    /** Deliveries to SQS subscriptions are free; e-mail and SMS deliveries are priced apart (below). */
    static final Price SNS_PUBLISHES = new Price("SNS", "publishes", new BigDecimal("0.50"), 1_000_000,
            "aws.amazon.com/sns/pricing");
    /** Not in the pipeline's cost: it depends on how many people a tenant subscribes. */
    static final Price SNS_EMAIL = new Price("SNS", "e-mail deliveries (per subscriber, not included)", new BigDecimal("2.00"), 100_000,
            "aws.amazon.com/sns/pricing");

    static final List<Price> ALL = List.of(LAMBDA_REQUESTS, LAMBDA_DURATION, DYNAMODB_WRITES, DYNAMODB_READS, S3_PUTS,
            S3_GETS, SQS_REQUESTS, SQS_FIFO_REQUESTS, SNS_PUBLISHES, SNS_EMAIL);

    private PriceList() {}

    /** The table as Markdown, with its region and date. */
    static String markdown() {
        StringBuilder table = new StringBuilder("Prices: %s, %s, on demand, without free tier.%n%n".formatted(REGION, AS_OF));
        table.append("| service | what | USD | per | source |\n|---|---|---:|---:|---|\n");
        for (Price p : ALL) {
            table.append("| %s | %s | %s | %,d | %s |%n".formatted(p.service(), p.item(), p.usd().toPlainString(), p.per(), p.source()));
        }
        return table.toString();
    }
}
