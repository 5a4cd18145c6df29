package recon.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import recon.port.ReportLinks;

class CloudFrontLinksTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T16:30:00Z"), ZoneOffset.UTC);
    private static final long EXPIRES = Instant.parse("2026-12-31T16:30:00Z").getEpochSecond();
    private static KeyPair keys;
    private static String pem;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void aLinkIsSignedOverTheCannedPolicyOfItsUrlAndExpiry() throws Exception {
        var links = new CloudFrontLinks("d111.cloudfront.net", "K2JCJMDEHXQW5F", Duration.ofDays(30), CLOCK, () -> pem);

        ReportLinks.Link link = links.link("tenants/t1/stores/s1/reports/2026-11-02/report.html").orElseThrow();

        String resource = "https://d111.cloudfront.net/tenants/t1/stores/s1/reports/2026-11-02/report.html";
        assertThat(link.expires()).isEqualTo(Instant.ofEpochSecond(EXPIRES));
        assertThat(link.url()).startsWith(resource + "?Expires=" + EXPIRES + "&Signature=").endsWith("&Key-Pair-Id=K2JCJMDEHXQW5F");
        String signature = link.url().replaceAll(".*&Signature=([^&]*)&.*", "$1");
        assertThat(signature).doesNotContain("+", "=", "/");

        Signature verifier = Signature.getInstance("SHA1withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(("{\"Statement\":[{\"Resource\":\"" + resource
                + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + EXPIRES + "}}}]}").getBytes(StandardCharsets.UTF_8));
        byte[] decoded = Base64.getDecoder().decode(signature.replace('-', '+').replace('_', '=').replace('~', '/'));
        assertThat(verifier.verify(decoded)).isTrue();
    }

    @Test
    void aKeyOutsideUrlCharactersIsPercentEncodedInTheSignedUrl() {
        var links = new CloudFrontLinks("d111.cloudfront.net", "K1", Duration.ofDays(1), CLOCK, () -> pem);

        assertThat(links.link("tenants/t1/stores/店 1/reports/2026-11/report.html").orElseThrow().url())
                .startsWith("https://d111.cloudfront.net/tenants/t1/stores/%E5%BA%97%201/reports/2026-11/report.html?Expires=");
    }

    @Test
    void theKeyIsReadOnceAtTheFirstLink() {
        AtomicInteger reads = new AtomicInteger();
        var links = new CloudFrontLinks("d111.cloudfront.net", "K1", Duration.ofDays(1), CLOCK, () -> {
            reads.incrementAndGet();
            return pem;
        });
        assertThat(reads).hasValue(0);

        links.link("a/report.html");
        links.link("b/report.html");

        assertThat(reads).hasValue(1);
    }

    @Test
    void aKeyThatCannotBeReadGivesNoLinkAndIsAskedForAgainNextTime() {
        AtomicInteger reads = new AtomicInteger();
        var links = new CloudFrontLinks("d111.cloudfront.net", "K1", Duration.ofDays(1), CLOCK, () -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("secret not found");
            }
            return pem;
        });

        assertThat(links.link("a/report.html")).isEmpty();
        assertThat(links.link("a/report.html")).isPresent();
    }

    @Test
    void aPkcs1KeySaysHowToConvertIt() {
        assertThatThrownBy(() -> CloudFrontLinks.privateKey("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n"))
                .hasMessageContaining("PKCS#1").hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        assertThatThrownBy(() -> CloudFrontLinks.privateKey("not a key"))
                .hasMessage("the report-links key is not an RSA private key in PKCS#8 PEM (BEGIN PRIVATE KEY)");
    }
}
