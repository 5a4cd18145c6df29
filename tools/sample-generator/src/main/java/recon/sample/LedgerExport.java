package recon.sample;

import java.io.IOException;

/** One Alipay account-log file being written, line by line in ledger order. */
interface LedgerExport {
    void write(LedgerRow row) throws IOException;

    /** Writes what ends the file (trailer, summary) and closes it. */
    void finish() throws IOException;
}
