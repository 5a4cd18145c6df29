package recon.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import recon.domain.Channel;
import recon.domain.DayFigures;
import recon.domain.Money;

/** The HTML page of a generated store: its figures against summary.json, its chart, its independence. */
class ReportPageTest {
    private static final List<String> FIELDS = List.of("ordersPaid", "settledCount", "settledAmount", "refundAmount",
            "commissionAmount", "otherFeeAmount", "transferAmount", "openingBalance", "closingBalance",
            "matchedOrders", "openItems");

    private final GeneratedReports reports = GeneratedReports.get();

    @Test
    void headlineShowsEveryFigureOfTheDaysSummaryJson() throws IOException {
        for (DayFigures figures : reports.days()) {
            // given a day's summary.json
            String day = figures.day().toString();
            JsonNode json = reports.summary(day).get("days").get(0);

            // when its page is read
            String html = page(day);

            // then every figure is on it, with the same amount
            for (String field : FIELDS) {
                JsonNode value = json.get(field);
                String shown = card(html, field);
                if (value.isNull()) {
                    assertThat(shown).as(day + " " + field).isEqualTo("|—");
                } else if (value.isNumber()) {
                    assertThat(shown).as(day + " " + field).isEqualTo(value.asText() + "|" + String.format(Locale.ROOT, "%,d", value.asLong()));
                } else {
                    String yuan = value.asText();
                    assertThat(shown).as(day + " " + field).isEqualTo(yuan + "|" + ReportPage.yuan(Money.parseYuan(yuan)));
                }
            }
            long anomalies = 0;
            for (JsonNode count : json.get("anomalies")) {
                anomalies += count.asLong();
            }
            assertThat(card(html, "anomalies")).startsWith(anomalies + "|");
        }
    }

    @Test
    void chartHasABarAndAPointOfEachLinePerDayOfTheMonth() throws IOException {
        // given November's days
        long days = reports.days().stream().filter(d -> d.day().getMonthValue() == 11).count();

        // when the month's page is read
        String html = page("2026-11");

        // then
        assertThat(count(html, "<rect class=\"bar\"")).isEqualTo(days);
        assertThat(points(html, "refunds")).isEqualTo(days);
        assertThat(points(html, "fees")).isEqualTo(days);
    }

    @Test
    void whatStillNeedsSomeoneComesFirstThenTheLargestDifferences() throws IOException {
        String html = page("2026-11");
        Matcher items = Pattern.compile("class=\"item anomaly\" data-status=\"([A-Z]+)\">.*?<span class=\"num\">([-0-9,.]+)</span>")
                .matcher(html);
        List<BigDecimal> unsettled = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        while (items.find()) {
            statuses.add(items.group(1));
            if (recon.domain.AnomalyStatus.valueOf(items.group(1)).isUnsettled()) {
                unsettled.add(new BigDecimal(items.group(2).replace(",", "")).abs());
            }
        }
        assertThat(statuses).hasSizeBetween(2, ReportPage.LARGEST_SHOWN);
        assertThat(statuses).isSortedAccordingTo(java.util.Comparator.comparing(s -> !recon.domain.AnomalyStatus.valueOf(s).isUnsettled()));
        assertThat(unsettled).hasSizeGreaterThan(1).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void pageNeedsNothingFromTheNetworkAndRunsNoScript() throws IOException {
        String html = page("2026-11");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta name=\"viewport\"");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import")
                .doesNotContain("url(").doesNotContain("http://").doesNotContain("https://").doesNotContain("src=");
    }

    @Test
    void monthHeadlineShowsTheMonthTotals() throws IOException {
        List<DayFigures> november = reports.days().stream().filter(d -> d.day().getMonthValue() == 11).toList();
        String html = page("2026-11");
        long settled = november.stream().mapToLong(DayFigures::settledAmount).sum();
        assertThat(card(html, "settledAmount")).startsWith(Money.format(settled) + "|");
        long alipay = november.stream().mapToLong(d -> d.settledIn(Channel.ALIPAY)).sum();
        long wechat = november.stream().mapToLong(d -> d.settledIn(Channel.TAOTIAN_WECHAT)).sum();
        assertThat(wechat).isPositive();
        assertThat(card(html, "settledByChannel.ALIPAY")).startsWith(Money.format(alipay) + "|");
        assertThat(card(html, "settledByChannel.TAOTIAN_WECHAT")).startsWith(Money.format(wechat) + "|");
        assertThat(alipay + wechat).isEqualTo(settled);
        assertThat(card(html, "openItems")).startsWith(november.getLast().openItems() + "|");
        assertThat(card(html, "closingBalance")).startsWith(Money.format(november.getLast().closingBalance()) + "|");
    }

    /** "data-value|shown value" of a headline card. */
    @Test
    void theMonthPageShowsInvoicedAgainstSettledAsItsSummaryJsonAddsThemUp() throws IOException {
        JsonNode days = reports.summary("2026-11").get("days");
        long settled = 0;
        long invoiced = 0;
        long uninvoiced = 0;
        for (JsonNode day : days) {
            settled += Money.parseYuan(day.get("settledAmount").asText());
            invoiced += Money.parseYuan(day.get("invoicedAmount").asText());
            uninvoiced += Money.parseYuan(day.get("uninvoicedAmount").asText());
        }
        assertThat(invoiced).as("the generated store sends a register").isPositive();

        String html = page("2026-11");

        Matcher section = Pattern.compile("<section id=\"invoicing\">(.*?)</section>", Pattern.DOTALL).matcher(html);
        assertThat(section.find()).isTrue();
        assertThat(section.group(1)).contains("data-field=\"settledAmount\" data-value=\"" + ReportPage.yuan(settled) + "\"",
                "data-field=\"invoicedAmount\" data-value=\"" + ReportPage.yuan(invoiced) + "\"",
                "data-field=\"uninvoicedAmount\" data-value=\"" + ReportPage.yuan(uninvoiced) + "\"", "要求开票而未开足的订单");
    }

    private static String card(String html, String field) {
        Matcher card = Pattern.compile("data-field=\"" + field + "\" data-value=\"([^\"]*)\">.*?<span class=\"value\">([^<]*)</span>")
                .matcher(html);
        assertThat(card.find()).as("card " + field).isTrue();
        return card.group(1) + "|" + card.group(2);
    }

    static long count(String html, String text) {
        return html.split(Pattern.quote(text), -1).length - 1;
    }

    static long points(String html, String polyline) {
        Matcher points = Pattern.compile("<polyline class=\"" + polyline + "\"[^>]* points=\"([^\"]*)\"").matcher(html);
        assertThat(points.find()).as("polyline " + polyline).isTrue();
        return points.group(1).trim().split(" ").length;
    }

    private String page(String key) throws IOException {
        return Files.readString(reports.folder(key).resolve(ReportFiles.HTML));
    }
}
