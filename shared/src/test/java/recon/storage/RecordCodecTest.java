package recon.storage;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import recon.domain.Channel;
import recon.domain.FileKind;
import recon.domain.Invoice;
import recon.domain.InvoiceStatus;
import recon.domain.LedgerLine;
import recon.domain.LineClass;
import recon.domain.Order;
import recon.domain.OrderStatus;
import recon.domain.RecordSink;
import recon.domain.Refund;
import recon.domain.RefundStatus;
import recon.domain.Resolution;
import recon.domain.Times;
import recon.port.CoveredDays;
import recon.port.RecordChunk;
import recon.testing.Gen;
import recon.testing.Property;

class RecordCodecTest {
    private static final long PAID = Times.of(java.time.LocalDateTime.of(2026, 11, 2, 10, 15));

    @Test
    void recordsComeBackEqualIncludingMissingTimesNullsAndChineseText() {
        Order order = new Order("3553498017448001", 19_900, OrderStatus.SUCCESS, PAID - 60, PAID, Times.NONE,
                "女装/女士精品", true, "a1b2c3d4e5f60718");
        Order unpaid = new Order("3553498017448002", 0, OrderStatus.AWAITING_PAYMENT, PAID, Times.NONE, Times.NONE,
                "", false, "");
        LedgerLine line = new LedgerLine("20261102000123", null, PAID + 86_400, 0, 320, -1_000_000_000_00L,
                LineClass.COMMISSION, "交易佣金（天猫）");
        Refund refund = new Refund("R-1", "3553498017448001", 5_000, RefundStatus.SUCCESS, Times.NONE, Times.NONE, true);

        RecordCodec.Encoder encoder = new RecordCodec.Encoder();
        encoder.order(order);
        encoder.ledgerLine(line);
        encoder.refund(refund);
        encoder.order(unpaid);
        Collected back = decode(encoder.pack());

        assertThat(encoder.count()).isEqualTo(4);
        assertThat(back.records).containsExactly(order, line, refund, unpaid);
    }

    @Test
    void anyRunOfLedgerLinesOfEitherChannelComesBackEqual() {
        // a WeChat line states no balance (NO_BALANCE, the smallest long) between Alipay lines that do
        Gen<LedgerLine> line = c -> {
            String lineId = Gen.strings(0, 255).generate(c);
            String businessType = Gen.strings(0, 255).generate(c);
            long occurredAt = Gen.longs().generate(c);
            Channel channel = Gen.of(Channel.class).generate(c);
            long balance = channel == Channel.ALIPAY ? Gen.longs().generate(c) : LedgerLine.NO_BALANCE;
            boolean withOrder = Gen.booleans().generate(c);
            return new LedgerLine(channel, lineId.isEmpty() ? "x" : lineId, withOrder ? businessType + "单" : null,
                    occurredAt, Math.abs(occurredAt % 1_000_000), 7, balance, LineClass.OTHER, businessType);
        };
        Gen<List<LedgerLine>> runs = c -> {
            int n = Gen.ints(1, 5).generate(c);
            List<LedgerLine> run = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                run.add(line.generate(c));
            }
            return run;
        };
        Property.tries(200).forAll(runs, run -> {
            RecordCodec.Encoder encoder = new RecordCodec.Encoder();
            run.forEach(encoder::ledgerLine);

            assertThat(decode(encoder.pack()).records).containsExactlyElementsOf(run);
        });
    }

    @Test
    void anyRunOfOrdersAndRefundsComesBackEqualWhateverTheirTimes() {
        // times are stored as differences: extremes and missing times (Times.NONE) must survive them
        Gen<List<Object>> runs = c -> {
            long created = Gen.longs().generate(c);
            long paid = Gen.longs().generate(c);
            long confirmed = Gen.longs().generate(c);
            long applied = Gen.longs().generate(c);
            long completed = Gen.longs().generate(c);
            boolean missing = Gen.booleans().generate(c);
            return List.of(
                    new Order("1", 100, OrderStatus.SUCCESS, created, missing ? Times.NONE : paid, confirmed, "c", false, "00000000000000ff"),
                    new Refund("R", "1", 7, RefundStatus.SUCCESS, applied, missing ? Times.NONE : completed, false),
                    new Order("2", -5, OrderStatus.CLOSED, paid, created, missing ? Times.NONE : Long.MAX_VALUE, "", true, null),
                    new Refund("S", "2", 8, RefundStatus.CLOSED, Times.NONE, applied, true));
        };
        Property.tries(200).forAll(runs, records -> {
            RecordCodec.Encoder encoder = new RecordCodec.Encoder();
            encoder.order((Order) records.get(0));
            encoder.refund((Refund) records.get(1));
            encoder.order((Order) records.get(2));
            encoder.refund((Refund) records.get(3));

            assertThat(decode(encoder.pack()).records).containsExactlyElementsOf(records);
        });
    }

    @Test
    void aPackStoredByVersionOneStillReadsBack() {
        // given the bytes version 1 stored for these records (a record after another)
        byte[] stored = java.util.Base64.getDecoder().decode("H4sIAAAAAAACA2P0VzI2NTU2sbQwMDQ3MbEwMDD8sY1JIDjU2dk1OPjC8f3reE+cABL/YYBR4+nSzS8Wt+oDqaeLVz/ftO/p5EZGpUTDJKNk4xSTVNM0MwNzQwsfOSMDIzNDQwMjA6CRRsYMJ/pOreNlaGD9P397+0tWMWd/X1/P4GBPfz+jJ7uWPJsx+cnexS/bJ77f0/F0ycrnPavf7+kM4gjSNcRw3QQ/mOMQTkKwGBkAMNEJgdEAAAA=");

        // then
        assertThat(decode(stored).records).containsExactly(
                new Order("3553498017448001", 19_900, OrderStatus.SUCCESS, PAID - 60, PAID, Times.NONE, "女装/女士精品", true, "a1b2c3d4e5f60718"),
                new LedgerLine("20261102000123", null, PAID + 86_400, 0, 320, -1_000_000_000_00L, LineClass.COMMISSION, "交易佣金（天猫）"),
                new Refund("R-1", "3553498017448001", 5_000, RefundStatus.SUCCESS, Times.NONE, Times.NONE, true));
    }

    @Test
    void aPackStoredByVersionTwoStillReadsBack() {
        // given the bytes version 2 stored (before invoices had columns) for an order, a WeChat line and a refund
        byte[] stored = java.util.Base64.getDecoder().decode("H4sIAAAAAAAA/2NiU2IT4GIS0WBS0lPiYmMSEZPiUGIREGFi8g8PUjI2NTU2sbQwMDQ3MbEwMDD8sY1JIDjU2dk1OPjC8f3reCs27Dhw8dN/IGDUeLp084vFrfpA6uni1c837Xs6uZFRKdEwySjZOMUk1TTNzMDc0ELPxMgABAyNjI0MjMwMDQ1AfEMMi070nVrHC7SN4T8MMIoFu4aE+Lj6uvqFSD3ZteTZjMnPpmx7tmYfR5Aupv4JfjB3IgxgYAQAONiZPu0AAAA=");

        // then
        assertThat(decode(stored).records).containsExactly(
                new Order("3553498017448001", 19_900, OrderStatus.SUCCESS, PAID - 60, PAID, Times.NONE, "女装/女士精品", true, "a1b2c3d4e5f60718"),
                new LedgerLine(Channel.TAOTIAN_WECHAT, "4200000123202611020001", "3553498017448001", PAID + 86_400, 19_900, 0,
                        LedgerLine.NO_BALANCE, LineClass.SETTLEMENT, "交易收款"),
                new Refund("R-1", "3553498017448001", 5_000, RefundStatus.SUCCESS, Times.NONE, Times.NONE, true));
    }

    @Test
    void invoicesComeBackEqualBesideTheOtherRecords() {
        Invoice blue = new Invoice("26442000000000000001", "3553498017448001", 19_900, false, InvoiceStatus.REVERSED,
                PAID + 86_400, "", true);
        Invoice red = new Invoice("044001900111-12345678", "", -19_900, true, InvoiceStatus.ISSUED, PAID, "02", false);
        Refund refund = new Refund("R-1", "3553498017448001", 19_900, RefundStatus.SUCCESS, PAID, PAID, true);

        RecordCodec.Encoder encoder = new RecordCodec.Encoder();
        encoder.invoice(blue);
        encoder.refund(refund);
        encoder.invoice(red);

        assertThat(decode(encoder.pack()).records).containsExactly(blue, refund, red);
    }

    @Test
    void aPackWithBytesBeyondItsRecordsIsRefused() {
        RecordCodec.Encoder encoder = new RecordCodec.Encoder();
        encoder.order(new Order("1", 100, OrderStatus.SUCCESS, PAID, PAID, PAID, "", false, "00000000000000ff"));
        byte[] raw = gunzip(encoder.pack());
        byte[] longer = java.util.Arrays.copyOf(raw, raw.length + 1);

        assertThatThrownBy(() -> RecordCodec.decode(gzip(longer), new Collected()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownVersionIsRefusedNotGuessed() {
        RecordCodec.Encoder encoder = new RecordCodec.Encoder();
        byte[] packed = encoder.pack();
        byte[] raw = gunzip(packed);
        raw[0] = (byte) (RecordCodec.VERSION + 1);

        assertThatThrownBy(() -> RecordCodec.decode(gzip(raw), new Collected()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }

    @Test
    void aTruncatedPackIsRefused() {
        RecordCodec.Encoder encoder = new RecordCodec.Encoder();
        encoder.order(new Order("1", 100, OrderStatus.SUCCESS, PAID, PAID, PAID, "", false, "00000000000000ff"));
        byte[] raw = gunzip(encoder.pack());

        assertThatThrownBy(() -> RecordCodec.decode(gzip(java.util.Arrays.copyOf(raw, raw.length - 4)), new Collected()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packerCutsADayIntoChunksOfAtMostTwoThousandRecords() {
        List<RecordChunk> chunks = new ArrayList<>();
        RecordPacker packer = new RecordPacker("f1", LocalDate.of(2026, 11, 1), chunks::add);
        for (int i = 0; i < 4_500; i++) {
            packer.ledgerLine(new LedgerLine("L" + i, null, PAID + i, 100, 0, 100L * i, LineClass.SETTLEMENT, "交易"));
        }
        packer.refund(new Refund("R-1", "1", 100, RefundStatus.PENDING, Times.NONE, Times.NONE, false));
        packer.finish();

        assertThat(chunks).extracting(RecordChunk::day, RecordChunk::part, RecordChunk::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 2), 0, 2_000),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 2), 1, 2_000),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 1), 0, 1),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 2), 2, 500));
        assertThat(packer.days()).containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2));
        assertThat(decode(chunks.get(3).data()).records).hasSize(500);
    }

    @Test
    void packerKeepsEachChunkUnderItsRawSizeAndTheSameInputGivesTheSameBytes() {
        List<RecordChunk> first = packLongLines();
        List<RecordChunk> second = packLongLines();

        assertThat(first).hasSizeGreaterThan(1).allSatisfy(c -> assertThat(c.count()).isLessThan(2_000));
        assertThat(first).hasSameSizeAs(second);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).data()).isEqualTo(second.get(i).data());
        }
    }

    private static List<RecordChunk> packLongLines() {
        List<RecordChunk> chunks = new ArrayList<>();
        RecordPacker packer = new RecordPacker("f1", LocalDate.of(2026, 11, 1), chunks::add);
        String longText = "天猫".repeat(200);
        for (int i = 0; i < 1_500; i++) {
            packer.ledgerLine(new LedgerLine("L" + i, null, PAID, 1, 0, i, LineClass.OTHER, longText));
        }
        packer.finish();
        return chunks;
    }

    private static Collected decode(byte[] packed) {
        Collected collected = new Collected();
        RecordCodec.decode(packed, collected);
        return collected;
    }

    private static byte[] gunzip(byte[] packed) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(packed))) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] raw) {
        var out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class Collected implements RecordSink {
        final List<Object> records = new ArrayList<>();

        @Override
        public void order(Order order) {
            records.add(order);
        }

        @Override
        public void ledgerLine(LedgerLine line) {
            records.add(line);
        }

        @Override
        public void refund(Refund refund) {
            records.add(refund);
        }

        @Override
        public void invoice(Invoice invoice) {
            records.add(invoice);
        }

        @Override
        public void resolution(Resolution resolution) {
            records.add(resolution);
        }

        @Override
        public void coverage(FileKind kind, LocalDate firstDay, LocalDate lastDay) {
            records.add(new CoveredDays(kind, firstDay, lastDay));
        }
    }
}
