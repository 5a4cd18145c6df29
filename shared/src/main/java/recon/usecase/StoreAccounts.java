package recon.usecase;

import java.util.EnumMap;
import java.util.Map;
import recon.domain.FileOutcome;
import recon.domain.StoreAccount;

/**
 * The accounts a store's files must name (docs/domain.md, "One store's money"): of each kind, the one
 * the config says, else the one the first accepted file that named one said. A file naming another is
 * rejected whole: another store's ledger among a store's would replace lines and invent anomalies.
 * Files are shown to it in a fixed order (the inputs' order offline, the uploads' in the pipeline),
 * so which file is first never depends on timing.
 */
final class StoreAccounts {
    private record Known(String id, String source) {}

    private final Map<StoreAccount.Kind, Known> known = new EnumMap<>(StoreAccount.Kind.class);

    /** @param configured the config's {@code accounts}, by kind */
    StoreAccounts(Map<StoreAccount.Kind, String> configured) {
        configured.forEach((kind, id) -> known.put(kind, new Known(id, "config.json 的 accounts." + kind.configKey)));
    }

    /** The outcome as it stands once its account is checked: rejected when it names another; else learnt from. */
    FileOutcome check(FileOutcome outcome) {
        StoreAccount account = outcome.account();
        if (!outcome.accepted() || account == null) {
            return outcome;
        }
        Known store = known.get(account.kind());
        if (store == null) {
            known.put(account.kind(), new Known(account.id(), "首个文件 " + outcome.name()));
            return outcome;
        }
        if (store.id().equals(account.id())) {
            return outcome;
        }
        return FileOutcome.rejected(outcome.name(), outcome.kind(), 0, "这个文件属于另一个" + account.kind().label + "（"
                + account.id() + "），本店铺的" + account.kind().label + "是 " + store.id() + "（来自" + store.source()
                + "），未读取；请只上传本店铺的导出文件");
    }
}
