package recon.functions.aws;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import recon.port.ReportLinks;

/**
 * Report links as CloudFront signed URLs with a canned policy: the distribution serves the bucket's
 * reports to whoever holds a URL signed with the key group's private key, until it expires. Signed
 * by hand with the JDK (SHA1withRSA over the policy, as CloudFront asks): the SDK's cloudfront
 * module would add 5.6 MB to the function for these few lines, and a slower cold start.
 */
public final class CloudFrontLinks implements ReportLinks {
    private static final System.Logger LOG = System.getLogger(CloudFrontLinks.class.getName());

    private final String domain;
    private final String keyPairId;
    private final Duration validFor;
    private final Clock clock;
    private final Supplier<String> privateKeyPem;
    private PrivateKey key;

    /**
     * Links to the distribution at this domain, signed with the key whose public half CloudFront knows
     * by this id. The private key (PKCS#8 PEM) is asked for at the first link, not at start, so that
     * it is never in a SnapStart snapshot.
     */
    public CloudFrontLinks(String domain, String keyPairId, Duration validFor, Clock clock, Supplier<String> privateKeyPem) {
        this.domain = domain;
        this.keyPairId = keyPairId;
        this.validFor = validFor;
        this.clock = clock;
        this.privateKeyPem = privateKeyPem;
    }

    /** A signed link, or none when the key cannot be had: the alert then names the key, and is still sent. */
    @Override
    public Optional<Link> link(String objectKey) {
        PrivateKey signingKey;
        try {
            signingKey = key();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "report links: the signing key could not be read; the alert names the report's folder instead", e);
            return Optional.empty();
        }
        Instant expires = clock.instant().plus(validFor);
        String url = "https://" + domain + "/" + encodePath(objectKey);
        String policy = "{\"Statement\":[{\"Resource\":\"" + url + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
                + expires.getEpochSecond() + "}}}]}";
        return Optional.of(new Link(url + "?Expires=" + expires.getEpochSecond() + "&Signature=" + sign(policy, signingKey)
                + "&Key-Pair-Id=" + keyPairId, expires));
    }

    private synchronized PrivateKey key() {
        if (key == null) {
            key = privateKey(privateKeyPem.get());
        }
        return key;
    }

    /** An RSA private key in PKCS#8 PEM ("BEGIN PRIVATE KEY"), as openssl genpkey writes it. */
    static PrivateKey privateKey(String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("the report-links key is in PKCS#1 form (BEGIN RSA PRIVATE KEY); "
                    + "store it as PKCS#8: openssl pkcs8 -topk8 -nocrypt -in key.pem -out private_key.pem");
        }
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
        try {
            byte[] der = Base64.getMimeDecoder().decode(body);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the report-links key is not an RSA private key in PKCS#8 PEM (BEGIN PRIVATE KEY)", e);
        }
    }

    private static String sign(String policy, PrivateKey signingKey) {
        try {
            Signature rsa = Signature.getInstance("SHA1withRSA");
            rsa.initSign(signingKey);
            rsa.update(policy.getBytes(StandardCharsets.UTF_8));
            // CloudFront's URL-safe base64: + = / become - _ ~
            return Base64.getEncoder().encodeToString(rsa.sign()).replace('+', '-').replace('=', '_').replace('/', '~');
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("report links: the policy could not be signed", e);
        }
    }

    /** Each segment of the key percent-encoded, so that the signed URL is the one the browser sends. */
    private static String encodePath(String objectKey) {
        return Arrays.stream(objectKey.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
