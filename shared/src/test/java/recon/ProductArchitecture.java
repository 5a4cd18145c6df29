package recon;

/** What every module's architecture test holds the core to: its packages, and what they may never use. */
public final class ProductArchitecture {
    private ProductArchitecture() {}

    /** The core's packages, whichever module a class of them is in. */
    public static final String[] CORE_PACKAGES = {"recon.domain..", "recon.config..", "recon.ingest..",
        "recon.reconcile..", "recon.report..", "recon.port..", "recon.storage..", "recon.alert..", "recon.usecase.."};

    /** The cloud (AWS SDK, Lambda, SnapStart), the adapters and handlers, the command line, and the tools. */
    public static final String[] NOT_FOR_THE_CORE = {"software.amazon..", "com.amazonaws..", "org.crac..",
        "recon.functions..", "recon.cli..", "recon.sample..", "recon.local..", "recon.bench.."};

    /** The tools: the generator, the local runner, the benchmarks. */
    public static final String[] TOOLS = {"recon.sample..", "recon.local..", "recon.bench.."};
}
