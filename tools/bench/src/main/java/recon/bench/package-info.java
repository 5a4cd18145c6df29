/**
 * The benchmarks (a tool, not the product): the offline engine timed against the same rules in pandas
 * and DuckDB ({@code tools/bench/python/}), the pipeline priced per 100,000 orders on the emulator, and
 * each function's cold start. {@code ./recon bench} runs this module's own jar.
 */
package recon.bench;
