package recon.domain;

/**
 * An account a file says it is of: the Alipay account of a ledger's preamble ({@code #账号：[2088…]}), the
 * shop of an order report's 店铺名称. A store's files must all name the same one of each kind.
 */
public record StoreAccount(Kind kind, String id) {
    public enum Kind {
        ALIPAY("支付宝账户", "alipay"),
        SHOP("店铺", "shopName");

        public final String label;
        /** The key under the config's {@code accounts}. */
        public final String configKey;

        Kind(String label, String configKey) {
            this.label = label;
            this.configKey = configKey;
        }
    }

    public StoreAccount {
        if (kind == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("an account has a kind and an id");
        }
    }
}
