package recon.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import recon.domain.Money;
import recon.domain.StoreConfig;

/**
 * Reads a store's {@code config.json} (CONTRACTS.md, "Store configuration"). Every key is optional
 * and defaults to {@link StoreConfig#DEFAULT}; a key that is unknown or malformed is an error naming
 * the key, never a silent default (a typo in "graceDays" must not quietly change the results).
 */
public final class StoreConfigJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> KEYS = Set.of(
            "commission", "toleranceYuan", "graceDays", "autoConfirmDays", "refundRateHigh", "feeRatioFactor");
    private static final Set<String> COMMISSION_KEYS = Set.of("default", "byCategory");

    private StoreConfigJson() {}

    public static StoreConfig read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return StoreConfig.DEFAULT;
        }
        requireObject("(top level)", root, KEYS);
        StoreConfig d = StoreConfig.DEFAULT;
        BigDecimal commissionDefault = d.commissionDefault();
        Map<String, BigDecimal> byCategory = new HashMap<>(d.commissionByCategory());
        JsonNode commission = root.get("commission");
        if (commission != null) {
            requireObject("commission", commission, COMMISSION_KEYS);
            commissionDefault = decimal(commission, "default", "commission.default", commissionDefault);
            JsonNode categories = commission.get("byCategory");
            if (categories != null) {
                requireObject("commission.byCategory", categories, null);
                for (Iterator<String> names = categories.fieldNames(); names.hasNext(); ) {
                    String category = names.next();
                    byCategory.put(category, decimal(categories, category, "commission.byCategory." + category, null));
                }
            }
        }
        long toleranceFen = d.toleranceFen();
        if (root.has("toleranceYuan")) {
            BigDecimal yuan = decimal(root, "toleranceYuan", "toleranceYuan", null);
            try {
                toleranceFen = Money.parseYuan(yuan.toPlainString());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("toleranceYuan: must be an amount in yuan with at most two decimals");
            }
        }
        try {
            return new StoreConfig(
                    commissionDefault,
                    byCategory,
                    toleranceFen,
                    whole(root, "graceDays", d.graceDays()),
                    whole(root, "autoConfirmDays", d.autoConfirmDays()),
                    decimal(root, "refundRateHigh", "refundRateHigh", d.refundRateHigh()),
                    decimal(root, "feeRatioFactor", "feeRatioFactor", d.feeRatioFactor()));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage());
        }
    }

    private static void requireObject(String key, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            throw new InvalidConfigException(key + ": must be an object");
        }
        if (allowed != null) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    String where = key.startsWith("(") ? name : key + "." + name;
                    throw new InvalidConfigException(where + ": unknown key");
                }
            }
        }
    }

    /** A decimal given as a JSON string ("0.02", as documented) or a plain number. */
    private static BigDecimal decimal(JsonNode parent, String field, String key, BigDecimal fallback) {
        JsonNode node = parent.get(field);
        if (node == null) {
            return fallback;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new InvalidConfigException(key + ": must be a decimal number such as \"0.02\", got " + node);
    }

    private static int whole(JsonNode parent, String key, int fallback) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        throw new InvalidConfigException(key + ": must be a whole number of days, got " + node);
    }

    /** A config that cannot be used; the message starts with the offending key. */
    public static final class InvalidConfigException extends IllegalArgumentException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }
}
