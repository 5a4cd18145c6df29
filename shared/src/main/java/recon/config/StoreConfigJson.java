package recon.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import recon.domain.AnomalyType;
import recon.domain.Channel;
import recon.domain.Money;
import recon.domain.Resolution;
import recon.domain.StoreAccount;
import recon.domain.StoreConfig;
import recon.domain.Typos;

/**
 * Reads a store's {@code config.json} (docs/contracts.md, "Store configuration"). Every key is optional
 * and defaults to {@link StoreConfig#DEFAULT}; a key that is unknown or malformed is an error naming
 * the key, never a silent default (a typo in "graceDays" must not quietly change the results).
 */
public final class StoreConfigJson {
    private static final JSON JSON_READER = JSON.builder(
                    JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Set<String> KEYS = Set.of(
            "commission", "toleranceYuan", "graceDays", "autoConfirmDays", "refundRateHigh", "feeRatioFactor",
            "autoResolve", "channels", "invoiceDays", "accounts");
    private static final Set<String> AUTO_RESOLVE_KEYS = Set.of("type", "maxYuan", "note");
    private static final Set<String> COMMISSION_KEYS = Set.of("default", "byCategory");
    /** An unknown key this close to a known one is taken for a typo of it. */

    private StoreConfigJson() {}

    public static StoreConfig read(InputStream in) throws IOException {
        Object root;
        try (JsonParser parser = JSON_READER.createParser(in)) {
            if (parser.nextToken() == null) {
                return StoreConfig.DEFAULT; // an empty file sets nothing
            }
            root = JSON_READER.anyFrom(parser);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException("不是有效的 JSON not valid JSON: " + e.getOriginalMessage());
        }
        Map<?, ?> top = requireObject("(top level)", root, KEYS);
        StoreConfig d = StoreConfig.DEFAULT;
        BigDecimal commissionDefault = d.commissionDefault();
        Map<String, BigDecimal> byCategory = new HashMap<>(d.commissionByCategory());
        if (top.containsKey("commission")) {
            Map<?, ?> commission = requireObject("commission", top.get("commission"), COMMISSION_KEYS);
            commissionDefault = decimal(commission, "default", "commission.default", commissionDefault);
            if (commission.containsKey("byCategory")) {
                Map<?, ?> categories = requireObject("commission.byCategory", commission.get("byCategory"), null);
                for (Object category : categories.keySet()) {
                    byCategory.put((String) category,
                            decimal(categories, (String) category, "commission.byCategory." + category, null));
                }
            }
        }
        long toleranceFen = top.containsKey("toleranceYuan") ? yuan(top, "toleranceYuan", "toleranceYuan") : d.toleranceFen();
        try {
            return new StoreConfig(
                    commissionDefault,
                    byCategory,
                    toleranceFen,
                    whole(top, "graceDays", d.graceDays()),
                    whole(top, "autoConfirmDays", d.autoConfirmDays()),
                    decimal(top, "refundRateHigh", "refundRateHigh", d.refundRateHigh()),
                    decimal(top, "feeRatioFactor", "feeRatioFactor", d.feeRatioFactor()),
                    autoResolve(top),
                    channels(top),
                    whole(top, "invoiceDays", d.invoiceDays()),
                    accounts(top));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage());
        }
    }

    /** An amount in yuan, as a decimal string or number, into fen. */
    private static long yuan(Map<?, ?> parent, String field, String key) {
        BigDecimal yuan = decimal(parent, field, key, null);
        try {
            return Money.parseYuan(yuan.toPlainString());
        } catch (IllegalArgumentException e) {
            throw invalid(key, "必须是以元为单位、最多两位小数的金额", "must be an amount in yuan with at most two decimals");
        }
    }

    /** {@code "autoResolve": [{"type": "AMOUNT_MISMATCH", "maxYuan": "0.50", "note": "合理误差"}]}, in their order. */
    private static List<StoreConfig.AutoResolve> autoResolve(Map<?, ?> top) {
        if (!top.containsKey("autoResolve")) {
            return List.of();
        }
        if (!(top.get("autoResolve") instanceof List<?> list)) {
            throw invalid("autoResolve", "必须是规则的列表", "must be a list of rules");
        }
        List<StoreConfig.AutoResolve> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "autoResolve[" + i + "]";
            Map<?, ?> rule = requireObject(key, list.get(i), AUTO_RESOLVE_KEYS);
            AnomalyType type;
            try {
                type = AnomalyType.valueOf(String.valueOf(rule.get("type")));
            } catch (IllegalArgumentException e) {
                throw invalid(key + ".type", "必须是异常代码，如 \"AMOUNT_MISMATCH\"",
                        "must be an anomaly code such as \"AMOUNT_MISMATCH\", got " + asJson(rule.get("type")));
            }
            if (!rule.containsKey("maxYuan")) {
                throw invalid(key + ".maxYuan", "必须填写", "is required");
            }
            long maxFen = yuan(rule, "maxYuan", key + ".maxYuan");
            if (!(rule.get("note") instanceof String note) || note.isBlank()) {
                throw invalid(key + ".note", "必须说明为什么接受这类差异，如 \"合理误差\"",
                        "must say why such differences are accepted, e.g. \"合理误差\"");
            }
            if (note.codePointCount(0, note.length()) > Resolution.MAX_NOTE) {
                throw invalid(key + ".note", "最多 " + Resolution.MAX_NOTE + " 个字符",
                        "at most " + Resolution.MAX_NOTE + " characters");
            }
            rules.add(new StoreConfig.AutoResolve(type, maxFen, note));
        }
        return rules;
    }

    /** {@code "accounts": {"alipay": "2088…", "shopName": "…"}}: what the store's files must name. */
    private static Map<StoreAccount.Kind, String> accounts(Map<?, ?> top) {
        Map<StoreAccount.Kind, String> accounts = new EnumMap<>(StoreAccount.Kind.class);
        if (!top.containsKey("accounts")) {
            return accounts;
        }
        Map<String, StoreAccount.Kind> byKey = new HashMap<>();
        for (StoreAccount.Kind kind : StoreAccount.Kind.values()) {
            byKey.put(kind.configKey, kind);
        }
        Map<?, ?> given = requireObject("accounts", top.get("accounts"), byKey.keySet());
        given.forEach((key, value) -> {
            if (!(value instanceof String id) || id.isBlank()) {
                throw invalid("accounts." + key, "必须是文字，例如 \"2088102177400456\"",
                        "must be a text such as \"2088102177400456\", got " + asJson(value));
            }
            accounts.put(byKey.get(key), id.strip());
        });
        return accounts;
    }

    /** {@code "channels": ["ALIPAY", "TAOTIAN_WECHAT"]}: the channels the store's money settles through. */
    private static Set<Channel> channels(Map<?, ?> top) {
        if (!top.containsKey("channels")) {
            return Set.of();
        }
        if (!(top.get("channels") instanceof List<?> list) || list.isEmpty()) {
            throw invalid("channels", "必须是渠道的列表", "must be a list of channels such as [\"ALIPAY\", \"TAOTIAN_WECHAT\"]");
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (int i = 0; i < list.size(); i++) {
            try {
                channels.add(Channel.valueOf(String.valueOf(list.get(i))));
            } catch (IllegalArgumentException e) {
                throw invalid("channels[" + i + "]", "必须是 \"ALIPAY\" 或 \"TAOTIAN_WECHAT\"",
                        "must be \"ALIPAY\" or \"TAOTIAN_WECHAT\", got " + asJson(list.get(i)));
            }
        }
        return channels;
    }

    private static Map<?, ?> requireObject(String key, Object value, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> object)) {
            throw invalid(key, "必须是 JSON 对象 {…}", "must be an object");
        }
        if (allowed != null) {
            for (Object name : object.keySet()) {
                if (!allowed.contains(name)) {
                    String prefix = key.startsWith("(") ? "" : key + ".";
                    String guess = Typos.closest((String) name, allowed);
                    String meant = guess == null ? null : "\"" + prefix + guess + "\"";
                    throw new InvalidConfigException(prefix + name + "：未知的配置项 unknown key"
                            + (meant == null ? "" : "，是否想写 " + meant + "？ did you mean " + meant + "?"));
                }
            }
        }
        return object;
    }


    /** The message of a key that cannot be used: the key, what is wrong in Chinese, then in English. */
    private static InvalidConfigException invalid(String key, String chinese, String english) {
        return new InvalidConfigException(key + "：" + chinese + " " + english);
    }

    /**
     * A decimal given as a JSON string ("0.02", as documented) or a plain number; the trailing zeros
     * of a number's fraction carry nothing (1.50 is 1.5), those of a string are kept.
     */
    private static BigDecimal decimal(Map<?, ?> parent, String field, String key, BigDecimal fallback) {
        if (!parent.containsKey(field)) {
            return fallback;
        }
        Object value = parent.get(field);
        if (value instanceof BigDecimal fraction) {
            return fraction.stripTrailingZeros();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw invalid(key, "必须是小数，如 \"0.02\"", "must be a decimal number such as \"0.02\", got " + asJson(value));
    }

    private static int whole(Map<?, ?> parent, String key, int fallback) {
        if (!parent.containsKey(key)) {
            return fallback;
        }
        Object value = parent.get(key);
        // a whole number in int's range is read as an Integer, a larger one as a Long or BigInteger
        if (value instanceof Integer days) {
            return days;
        }
        throw invalid(key, "必须是整数天数", "must be a whole number of days, got " + asJson(value));
    }

    /** The offending value as it was written, for the message. */
    private static String asJson(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            return String.valueOf(value); // a value just read is always written: does not happen
        }
    }

    /**
     * A config that cannot be used; the message starts with the offending key, then says why in Chinese
     * and in English: {@code graceDays：必须是整数天数 must be a whole number of days, got 2.5}.
     */
    public static final class InvalidConfigException extends IllegalArgumentException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }
}
